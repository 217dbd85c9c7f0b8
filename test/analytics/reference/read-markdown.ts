/** Reading a rendered report back the way a reader does: its tables and its charts' numbers. */

/** The rows (cells trimmed) of the table whose header row starts with `header`. */
export function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  if (start < 0) throw new Error(`no table headed "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** Each Mermaid chart: its title, its x-axis labels and its values (bar, line or pie slices). */
export function charts(markdown: string): { title: string; labels: string[]; values: number[] }[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => {
    const block = match[1] ?? "";
    const title = /^ {2}title "?(.*?)"?$/m.exec(block)?.[1] ?? "";
    const slices = [...block.matchAll(/^ {2}"(.*)" : ([\d.]+)$/gm)];
    if (slices.length > 0)
      return {
        title,
        labels: slices.map((slice) => slice[1] ?? ""),
        values: slices.map((slice) => Number(slice[2])),
      };
    const axis = /x-axis \[(.*)\]/.exec(block)?.[1] ?? "";
    const values = /(?:bar|line) \[(.*)\]/.exec(block)?.[1] ?? "";
    return {
      title,
      labels: [...axis.matchAll(/"([^"]*)"/g)].map((label) => label[1] ?? ""),
      values: values.split(",").map(Number),
    };
  });
}

/** Minutes as the report writes a duration (docs/definitions.md): `1 d 2 h 5 min`, or `—`. */
export function readable(minutes: number | null): string {
  if (minutes === null) return "—";
  const total = Math.round(minutes);
  if (total < 1) return minutes === 0 ? "0 min" : "< 1 min";
  const parts = [
    [Math.floor(total / 1440), "d"],
    [Math.floor((total % 1440) / 60), "h"],
    [total % 60, "min"],
  ] as const;
  return parts
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(" ");
}

/** A sum of minutes: `425 min (7 h 5 min)`, `45 min`, or `—`. */
export function totalMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  return minutes >= 60
    ? `${Math.round(minutes)} min (${readable(minutes)})`
    : `${Math.round(minutes)} min`;
}
