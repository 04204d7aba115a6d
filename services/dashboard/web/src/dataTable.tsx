/**
 * A table of the app: Chinese headers, a caption for screen readers, an empty message, and the
 * export of exactly its rows to Excel, each column saying what it shows and what it exports.
 */
import type { ComponentChildren } from 'preact';
import { ExportButton } from './exportButton.js';
import type { ExportColumn } from './exportTable.js';

/** A column: what it exports (header, value, width) and how its cells show. */
export interface Column<R> extends ExportColumn<R> {
  /** What the cell shows; by default the exported value. */
  readonly cell?: (row: R) => ComponentChildren;
  /** The row's header cell (its unit, say). */
  readonly rowHeader?: boolean;
}

export interface DataTableProps<R> {
  readonly title: string;
  readonly caption: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  /** The filter applied, in words, for the exported file. */
  readonly filter: string;
  readonly empty: string;
  readonly headingLevel?: 2 | 3;
}

export const DataTable = <R,>({ title, caption, columns, rows, rowKey, filter, empty, headingLevel = 2 }: DataTableProps<R>) => {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = `table-${title}`;
  return (
    <section class="card" aria-labelledby={id}>
      <div class="card-head">
        <Heading id={id}>
          {title}（{rows.length}）
        </Heading>
        {rows.length > 0 && <ExportButton label={`导出${title}`} request={() => ({ title, filter, fileName: `${title}-${filter}`, columns, rows })} />}
      </div>
      {rows.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <div class="scroll">
          <table>
            <caption class="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c.header}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) =>
                    c.rowHeader ? (
                      <th scope="row" key={c.header}>
                        {c.cell ? c.cell(row) : c.value(row)}
                      </th>
                    ) : (
                      <td key={c.header}>{c.cell ? c.cell(row) : c.value(row)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
