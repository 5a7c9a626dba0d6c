/** What a chart shows; the same data is always offered as a table too. */
export type ChartSpec =
  | {
      kind: 'bars'; // horizontal bars, one per label
      data: { key: string; label: string; value: number; highlight?: boolean }[];
      unit?: string;
      target?: number | null;
      decimals?: number;
    }
  | {
      kind: 'columns'; // vertical bars over a category axis (years, periods)
      data: { x: string; value: number }[];
      unit?: string;
      decimals?: number;
    }
  | {
      kind: 'line'; // a value over periods
      data: { x: string; value: number }[];
      unit?: string;
      target?: number | null;
      decimals?: number;
    };
