import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import Chart from '../components/Chart';

describe('charts', () => {
  it('draw bars of areas by their codes without a warning from the chart library, names in full', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(
      <Chart
        width={800}
        spec={{
          kind: 'bars',
          data: [
            { key: '56', label: 'Finnmark - Finnmárku - Finmarkku', value: 47 },
            { key: '03', label: 'Oslo', value: 52 },
            { key: '31', label: 'Østfold', value: 48, highlight: true },
            { key: '34', label: 'Innlandet', value: 48 },
          ],
          unit: 'skalapoeng',
          decimals: 0,
        }}
      />,
    );
    const messages = warn.mock.calls.map((c) => String(c[0]));
    warn.mockRestore();
    expect(messages).toEqual([]);
    const svg = container.querySelector('svg')!;
    expect(svg.textContent).not.toContain('⚠');
    const ticks = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    // highest first, ties by name
    const names = ticks.filter((t) => ['Oslo', 'Innlandet', 'Østfold', 'Finnmark - Finnmárku - Finmarkku'].includes(t ?? ''));
    expect(names).toEqual(['Oslo', 'Innlandet', 'Østfold', 'Finnmark - Finnmárku - Finmarkku']);
  });
});
