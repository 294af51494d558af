// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataTable, type DataTableColumn } from './DataTable';

interface Rel {
  name: string;
  bytes: string | null;
}

const columns: DataTableColumn<Rel>[] = [
  { id: 'name', header: 'Relation', value: (r) => r.name },
  { id: 'bytes', header: 'Total size', value: (r) => r.bytes, numeric: true, cell: (r) => (r.bytes === null ? '—' : `${r.bytes} B`) },
];
const rows: Rel[] = [
  { name: 't10', bytes: '9007199254740993' },
  { name: 't2', bytes: '20' },
  { name: 'unknown', bytes: null },
  { name: 't1', bytes: '9007199254740992' },
];

const bodyNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]!.textContent);

let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(cleanup);

describe('DataTable', () => {
  it('sorts by the raw value: int8 exactly beyond 2^53, text with numeric collation, empty values last both ways', () => {
    render(<DataTable rows={rows} columns={columns} rowKey={(r) => r.name} ariaLabel="Relations" />);
    expect(bodyNames()).toEqual(['t10', 't2', 'unknown', 't1']);
    fireEvent.click(screen.getByRole('button', { name: /Total size/ }));
    expect(bodyNames()).toEqual(['t2', 't1', 't10', 'unknown']);
    expect(screen.getByRole('columnheader', { name: /Total size/ }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: /Total size/ }));
    expect(bodyNames()).toEqual(['t10', 't1', 't2', 'unknown']);
    fireEvent.click(screen.getByRole('button', { name: /Relation/ }));
    expect(bodyNames()).toEqual(['t1', 't2', 't10', 'unknown']);
  });

  it('renders cells through the column renderer, as text', () => {
    render(<DataTable rows={[{ name: '<b>x</b>', bytes: '5' }]} columns={columns} rowKey={(r) => r.name} ariaLabel="Relations" />);
    expect(screen.getByText('<b>x</b>')).toBeTruthy();
    expect(screen.getByText('5 B')).toBeTruthy();
  });

  it('copies all rows in the shown order as TSV, and the focused row with Ctrl+C', async () => {
    render(
      <DataTable rows={rows} columns={columns} rowKey={(r) => r.name} ariaLabel="Relations" initialSort={{ id: 'bytes', desc: false }} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy as TSV' }));
    expect(writeText).toHaveBeenCalledWith('Relation\tTotal size\nt2\t20\nt1\t9007199254740992\nt10\t9007199254740993\nunknown\t');
    const firstRow = within(screen.getByRole('table')).getAllByRole('row')[1]!;
    fireEvent.keyDown(firstRow, { key: 'c', ctrlKey: true });
    expect(writeText).toHaveBeenLastCalledWith('t2\t20');
  });

  it('activates a row by click and by keyboard, and marks the active one', () => {
    const onRowClick = vi.fn();
    render(<DataTable rows={rows} columns={columns} rowKey={(r) => r.name} ariaLabel="Relations" onRowClick={onRowClick} activeKey="t2" />);
    const [, first, second] = within(screen.getByRole('table')).getAllByRole('row');
    fireEvent.click(first!);
    fireEvent.keyDown(second!, { key: 'Enter' });
    expect(onRowClick.mock.calls.map(([r]) => (r as Rel).name)).toEqual(['t10', 't2']);
    expect(second!.getAttribute('aria-selected')).toBe('true');
    expect(first!.getAttribute('aria-selected')).toBe('false');
  });

  it('selects rows with checkboxes for the caller', () => {
    const onChange = vi.fn();
    render(
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.name}
        ariaLabel="Relations"
        selection={{ selected: new Set(['t2']), onChange }}
      />,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select row t1' }));
    expect([...(onChange.mock.calls[0]![0] as Set<string>)].sort()).toEqual(['t1', 't2']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    expect([...(onChange.mock.calls[1]![0] as Set<string>)].sort()).toEqual(['t1', 't10', 't2', 'unknown']);
  });

  it('keeps only a window of a long list in the DOM', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ name: `r${i}`, bytes: String(i) }));
    render(<DataTable rows={many} columns={columns} rowKey={(r) => r.name} ariaLabel="Relations" />);
    const rendered = within(screen.getByRole('table')).getAllByRole('row').length;
    expect(rendered).toBeLessThan(100);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('5001');
    expect(screen.getByText('5,000 rows')).toBeTruthy();
  });

  it('says so when there are no rows', () => {
    render(<DataTable rows={[]} columns={columns} rowKey={(r) => r.name} ariaLabel="Relations" empty="Nothing here." />);
    expect(screen.getByText('Nothing here.')).toBeTruthy();
  });
});
