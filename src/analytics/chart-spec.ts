/**
 * A chart as data: drawn as a Mermaid block in the issue (`mermaid-charts.ts`) and as inline SVG
 * in the HTML page (`svg-charts.ts`), always beside a table with the same numbers.
 */
export type ChartSpec =
  | { type: "bar"; title: string; axis: string; points: readonly (readonly [string, number])[] }
  | {
      type: "pie";
      title: string;
      points: readonly (readonly [string, number])[];
      /** One per point, same order; Mermaid's own palette when absent. */
      colours?: readonly string[];
    }
  | {
      type: "line";
      title: string;
      axis: string;
      /** Only the points that have a value: a month without one is left out, never drawn at 0. */
      points: readonly (readonly [string, number])[];
      colour: string;
    };
