import { Card, Empty, Flex, Grid, List, Table, type TableProps, Typography } from 'antd';
import type { ColumnType, TablePaginationConfig } from 'antd/es/table';
import type { Key, ReactNode } from 'react';

/**
 * A column of a ResponsiveTable: an antd column, plus where it goes on a phone's card.
 * 'title': the card's heading (default: the first column); 'hide': not on the card (a detail the
 * phone can do without); 'actions': the card's bottom row of buttons (default for a column without a
 * title, such as "Thao tác").
 */
export type ResponsiveColumn<T> = ColumnType<T> & { phone?: 'title' | 'hide' | 'actions' };

export interface ResponsiveTableProps<T> extends Omit<TableProps<T>, 'columns' | 'rowKey'> {
  columns: ResponsiveColumn<T>[];
  rowKey: keyof T & string;
  /** The list's accessible name on a phone, as a region (the table has its own headers). */
  'aria-label'?: string;
}

/** Reads `dataIndex` ("state", ["organisation", "name"]) off a row, as antd does. */
function valueAt(row: object, dataIndex: ColumnType<object>['dataIndex']): unknown {
  if (dataIndex === undefined) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let v: unknown = row;
  for (const k of path)
    v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k as string];
  return v;
}

/** What a column shows for a row: its render, else its value. */
function cellOf<T extends object>(col: ResponsiveColumn<T>, row: T, index: number): ReactNode {
  const value = valueAt(row, col.dataIndex as ColumnType<object>['dataIndex']);
  if (!col.render) return value === null || value === undefined || value === '' ? '—' : String(value);
  const out = col.render(value, row, index) as unknown;
  // A render may return { children, props } to span cells; a card wants only the content.
  if (out !== null && typeof out === 'object' && 'children' in out && !('$$typeof' in out)) {
    return (out as { children: ReactNode }).children;
  }
  return out as ReactNode;
}

/** The table's paging for the list: same page, size, total and handler; the table-only options dropped. */
function listPagination(p: TablePaginationConfig | undefined) {
  const { position: _p, placement: _pl, showSizeChanger: _s, pageSizeOptions: _o, ...rest } = p ?? {};
  return { pageSize: 10, hideOnSinglePage: true, size: 'small' as const, ...rest };
}

const titleOf = <T,>(col: ResponsiveColumn<T>): ReactNode =>
  typeof col.title === 'function' ? null : (col.title as ReactNode);

function placeOf<T>(col: ResponsiveColumn<T>, index: number, hasTitleColumn: boolean) {
  if (col.phone) return col.phone;
  if (!hasTitleColumn && index === 0) return 'title';
  return titleOf(col) ? 'field' : 'actions';
}

/**
 * antd's Table from the md breakpoint up; below it (a phone held upright) the same rows as a list of
 * cards, one per row, built from the same columns: the title column as the heading, every other
 * column as "label: value", buttons at the bottom. A wide table on a phone scrolls sideways and a fixed
 * action column covers what matters (the inbox showed only "Xem"); cards need no scrolling.
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const screens = Grid.useBreakpoint();
  const { columns, rowKey, dataSource, loading, pagination, locale } = props;
  // useBreakpoint answers {} before its first measurement: the table until a phone is known.
  if (screens.md !== false) return <Table<T> {...props} />;

  const hasTitleColumn = columns.some((c) => c.phone === 'title');
  const placed = columns.map((c, i) => ({ col: c, place: placeOf(c, i, hasTitleColumn) }));
  const emptyText = locale?.emptyText as ReactNode;
  return (
    <section aria-label={props['aria-label']}>
      <List<T>
        dataSource={(dataSource ?? []) as T[]}
        loading={typeof loading === 'boolean' ? loading : undefined}
        rowKey={(row) => row[rowKey] as Key}
        locale={{ emptyText: emptyText ?? <Empty description="Không có dữ liệu" /> }}
        pagination={pagination === false ? false : listPagination(pagination)}
        renderItem={(row, index) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex vertical gap={6}>
                {placed
                  .filter((p) => p.place === 'title')
                  .map(({ col }, i) => (
                    <div
                      key={`t${String(col.key ?? i)}`}
                      style={{ fontWeight: 600, overflowWrap: 'anywhere' }}
                    >
                      {cellOf(col, row, index)}
                    </div>
                  ))}
                {placed
                  .filter((p) => p.place === 'field')
                  .map(({ col }, i) => (
                    <Flex key={`f${String(col.key ?? i)}`} gap={8} align="baseline" wrap="wrap">
                      <Typography.Text type="secondary" style={{ fontSize: 13, flex: '0 0 auto' }}>
                        {titleOf(col)}:
                      </Typography.Text>
                      <div style={{ minWidth: 0, flex: '1 1 60%', overflowWrap: 'anywhere' }}>
                        {cellOf(col, row, index)}
                      </div>
                    </Flex>
                  ))}
                {placed
                  .filter((p) => p.place === 'actions')
                  .map(({ col }, i) => (
                    <div key={`a${String(col.key ?? i)}`}>{cellOf(col, row, index)}</div>
                  ))}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
    </section>
  );
}
