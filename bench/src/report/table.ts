/** Plain-text table rendering for the terminal (no colours, so logs stay readable in CI). */

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new RangeError(`table row has ${row.length} cells, expected ${headers.length}`);
    }
  }
  const widths = headers.map((header, column) =>
    Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column]!))),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => pad(cell, widths[column]!)).join(" | ")} |`;
  const rule = `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

/** Formats a figure for the table: thousands separators, at most `decimals` decimals. */
export function formatNumber(value: number | null, decimals = 3): string {
  if (value === null) return "—";
  return value.toLocaleString("en-US", { maximumFractionDigits: decimals });
}

// Count code points, not UTF-16 units, so "≤" and "—" line up.
function displayWidth(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
