import { WEEKDAYS } from "../types.js";
import { type Block, tableBlock } from "./blocks.js";
import type { ReportView } from "./report-view.js";

const BLOCKS = ["00–04", "04–08", "08–12", "12–16", "16–20", "20–24"];

/**
 * A count shaded for the weekday × hour table. GitHub's sanitiser strips colour styles, so the
 * shade is a coloured square (an emoji, which survives): none for 0, then 🟨 🟧 🟥 by thirds of
 * the busiest cell, which is also bold.
 *
 * @example shade(5, 5) // "🟥 **5**"
 */
function shade(count: number, busiest: number): string {
  if (count === 0 || busiest === 0) return "·";
  if (count === busiest) return `🟥 **${count}**`;
  const level = count / busiest;
  return `${level > 2 / 3 ? "🟥" : level > 1 / 3 ? "🟧" : "🟨"} ${count}`;
}

/** When the disruptions started: weekday × 4-hour blocks, shaded, weekend and out of hours. */
export function whenSection(view: ReportView): Block[] {
  if (view.none) return ["## When", `No disruptions in ${view.name}.`];
  const { figures, details } = view.result;
  const busiest = Math.max(0, ...details.when.grid.flat());
  return [
    "## When",
    `When the disruptions started, local time (${figures.timeZone}); the busier the cell, the warmer its square (🟨 🟧 🟥), the busiest in bold.`,
    tableBlock(
      ["Day", ...BLOCKS, "Total"],
      WEEKDAYS.map((day, index) => {
        const row = details.when.grid[index] ?? [];
        return [day, ...row.map((count) => shade(count, busiest)), String(figures.byWeekday[day])];
      }),
      [1, 2, 3, 4, 5, 6, 7],
    ),
    `On a weekend: **${details.when.weekend}** of ${figures.disruptions}. Out of hours (outside ${details.when.workingTime}): **${details.when.outOfHours}** of ${figures.disruptions}.`,
  ];
}
