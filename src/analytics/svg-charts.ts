import type { ChartSpec } from "./chart-spec.js";

/** The palette a pie uses when its spec gives no colours. */
const PALETTE = ["#0969da", "#8250df", "#bf8700", "#1a7f37", "#cf222e", "#57606a", "#d4a72c"];

const WIDTH = 640;
const HEIGHT = 280;
const PAD = { left: 48, right: 16, top: 36, bottom: 48 };

/** Text for SVG: `&`, `<`, `>` and quotes as entities. */
export function xml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}

/**
 * A chart as inline SVG (no script, no external reference), with its numbers written on it:
 * bars and points carry their value, pie slices their count in the legend.
 */
export function svgChart(spec: ChartSpec): string {
  if (spec.type === "pie") return pieSvg(spec.title, spec.points, spec.colours);
  return axisSvg(spec);
}

function open(title: string, height = HEIGHT): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" class="chart"><title>${xml(title)}</title><text x="${WIDTH / 2}" y="20" text-anchor="middle" class="chart-title">${xml(title)}</text>`;
}

/** Whole-number ticks for counts, five or so over the range. */
function ticks(top: number): number[] {
  const step = Math.max(1, Math.ceil(top / 5));
  return Array.from({ length: Math.floor(top / step) + 1 }, (_, index) => index * step);
}

function axisSvg(spec: Extract<ChartSpec, { type: "bar" | "line" }>): string {
  const values = spec.points.map(([, value]) => value);
  const max = Math.max(1, ...values);
  const top = spec.type === "bar" ? Math.ceil(max) : Math.ceil(max * 1.1);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, spec.points.length);
  const y = (value: number): number => PAD.top + plotHeight - (value / top) * plotHeight;
  const x = (index: number): number => PAD.left + slot * index + slot / 2;
  const parts = [open(spec.title)];
  for (const tick of ticks(top)) {
    parts.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick)}" y2="${y(tick)}" class="grid"/><text x="${PAD.left - 6}" y="${y(tick) + 4}" text-anchor="end" class="tick">${tick}</text>`,
    );
  }
  spec.points.forEach(([name, value], index) => {
    parts.push(
      `<text x="${x(index)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" class="tick">${xml(name)}</text>`,
    );
    if (spec.type === "bar") {
      const width = Math.min(48, slot * 0.7);
      parts.push(
        `<rect x="${x(index) - width / 2}" y="${y(value)}" width="${width}" height="${y(0) - y(value)}" fill="#0969da"><title>${xml(name)}: ${value}</title></rect>`,
      );
    } else {
      parts.push(
        `<circle cx="${x(index)}" cy="${y(value)}" r="3.5" fill="${spec.colour}"><title>${xml(name)}: ${value}</title></circle>`,
      );
    }
    parts.push(
      `<text x="${x(index)}" y="${y(value) - 6}" text-anchor="middle" class="value">${value}</text>`,
    );
  });
  if (spec.type === "line" && spec.points.length > 1) {
    const path = spec.points.map(([, value], index) => `${x(index)},${y(value)}`).join(" ");
    parts.push(`<polyline points="${path}" fill="none" stroke="${spec.colour}" stroke-width="2"/>`);
  }
  parts.push(
    `<text x="14" y="${PAD.top + plotHeight / 2}" transform="rotate(-90 14 ${PAD.top + plotHeight / 2})" text-anchor="middle" class="tick">${xml(spec.axis)}</text></svg>`,
  );
  return parts.join("");
}

function pieSvg(
  title: string,
  points: readonly (readonly [string, number])[],
  colours: readonly string[] | undefined,
): string {
  const total = points.reduce((sum, [, value]) => sum + value, 0);
  const parts = [open(title)];
  const [cx, cy, r] = [150, 155, 110];
  let angle = -Math.PI / 2;
  points.forEach(([name, value], index) => {
    const colour = colours?.[index] ?? PALETTE[index % PALETTE.length];
    if (value > 0 && total > 0) {
      const sweep = (value / total) * Math.PI * 2;
      const end = angle + sweep;
      const shape =
        value === total
          ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}">`
          : `<path d="M${cx},${cy} L${cx + r * Math.cos(angle)},${cy + r * Math.sin(angle)} A${r},${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${cx + r * Math.cos(end)},${cy + r * Math.sin(end)} Z" fill="${colour}">`;
      parts.push(
        `${shape}<title>${xml(name)}: ${value}</title>${shape.startsWith("<circle") ? "</circle>" : "</path>"}`,
      );
      angle = end;
    }
    const ly = 60 + index * 22;
    parts.push(
      `<rect x="300" y="${ly - 12}" width="14" height="14" fill="${colour}"/><text x="322" y="${ly}" class="legend">${xml(name)}: <tspan class="value">${value}</tspan></text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
