/** Formats rows as a Markdown table (first column left-aligned, the others right-aligned). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A number with thousands separators and at most `digits` decimals. */
export function num(x: number, digits = 1): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Milliseconds as `850 ms` or `12.3 s`. */
export function duration(ms: number): string {
  return ms >= 1000 ? `${num(ms / 1000, 1)} s` : `${num(ms, ms < 10 ? 2 : 0)} ms`;
}

/** A fraction as `1/8` (or `all`). */
export function share(fraction: number): string {
  if (fraction >= 1) return 'all';
  const denominator = Math.round(1 / fraction);
  return Math.abs(1 / denominator - fraction) < 1e-9 ? `1/${denominator}` : num(fraction, 3);
}
