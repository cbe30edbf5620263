/**
 * Go's text/tabwriter as rkt configures it (minwidth 0, tabwidth 8, padding 1, padchar '\t', no flags):
 * a column is as wide as its widest cell plus one, rounded up to a multiple of 8, and each cell is
 * followed by as many tabs as reach that width. The last column is not padded. Widths count code
 * points, as Go counts runes.
 */
const TAB_WIDTH = 8;
const PADDING = 1;

export interface TableOptions {
  /** Leave out the header row (and do not let it widen the columns), like rkt's --no-legend. */
  noLegend?: boolean;
}

/** Every row must have as many cells as `headers`. Returns one "\n"-terminated line per row. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const lines = options.noLegend ? rows : [headers, ...rows];
  for (const row of lines) {
    if (row.length !== headers.length) {
      throw new Error(`formatTable: row has ${row.length} cells, expected ${headers.length}`);
    }
  }
  const widths = headers.map((_, col) => {
    const widest = Math.max(0, ...lines.map((row) => runeCount(row[col] ?? '')));
    return Math.ceil((widest + PADDING) / TAB_WIDTH) * TAB_WIDTH;
  });
  const last = headers.length - 1;
  return lines
    .map((row) => {
      const cells = row.map((cell, col) => {
        if (col === last) return cell;
        const tabs = Math.ceil(((widths[col] ?? 0) - runeCount(cell)) / TAB_WIDTH);
        return cell + '\t'.repeat(tabs);
      });
      return cells.join('') + '\n';
    })
    .join('');
}

function runeCount(s: string): number {
  return [...s].length;
}
