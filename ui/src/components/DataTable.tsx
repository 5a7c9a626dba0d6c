import type { ReactNode } from 'react';
import { Table } from '@digdir/designsystemet-react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/**
 * A plain, accessible table: caption, header cells with scope, numbers right-aligned. On a narrow
 * screen each row becomes a card: its first cell as the card's title, every other cell under its
 * column's name (styles.css, `.table-scroll` at 36em and less).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  zebra = true,
  className,
  hideCaption = false,
}: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, i: number) => string;
  zebra?: boolean;
  className?: string;
  /** The caption repeats a visible heading: keep it for screen readers only. */
  hideCaption?: boolean;
}) {
  return (
    <div className={`table-scroll ${className ?? ''}`} tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : undefined}>
      <Table zebra={zebra} border data-size="sm">
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r, i) => (
            <Table.Row key={rowKey(r, i)}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <Table.HeaderCell key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>
                    {c.cell(r)}
                  </Table.HeaderCell>
                ) : (
                  <Table.Cell key={c.key} className={c.numeric ? 'num' : undefined} data-label={typeof c.header === 'string' ? c.header : undefined}>
                    {c.cell(r)}
                  </Table.Cell>
                ),
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
