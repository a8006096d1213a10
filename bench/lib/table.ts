/** Renders rows as a plain-text table with a header rule, columns padded to their widest cell. */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Formats a number for a table cell; `-` when absent. */
export function cell(value: number | undefined, digits = 0, suffix = ''): string {
  return value === undefined ? '-' : `${value.toFixed(digits)}${suffix}`;
}
