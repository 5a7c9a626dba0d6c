import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import i18n from '../i18n';
import { OfferCard } from '../components/OfferCard';
import { StateTag } from '../components/common';
import { DataTable } from '../components/DataTable';
import { Attribution, ATTRIBUTION_LINES } from '../components/Attribution';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { safeNext } from '../pages/SignIn';
import { HomePage } from '../pages/Home';
import { OpenRequestList } from '../components/OpenRequestList';
import Chart from '../components/Chart';
import type { Offer, OpenRequest } from '../api/types';

function wrap(ui: ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const offer: Offer = {
  id: 'iaxvI7dXPGGxrHKl',
  organisation: { id: 'org:900001002', name: 'Fossekraft AS (demo)' },
  title: 'Besøk på vannkraftverket',
  description: 'Elevene møter fagfolk.',
  format: 'workplace_visit',
  subjects: ['natural_science'],
  grades: { min: 8, max: 10 },
  languages: ['nb'],
  capacity: 30,
  digital: false,
  municipality: '3116',
  address: 'Demoveien 1',
  travel_radius_km: 60,
  duration_minutes: 90,
  cost_nok: 0,
  preparation: '',
  on_request: false,
  kit: { before: '', during: '', after: '' },
  materials: [],
  preparation_minutes: 0,
  curriculum: [],
  files: [],
  distance_km: 12.4,
  next_free: '2027-02-09T09:00',
  status: 'published',
  created_at: '2026-11-24T01:41:57Z',
  updated_at: '2026-11-24T01:41:57Z',
};

beforeEach(async () => {
  await i18n.changeLanguage('nb');
});

describe('components', () => {
  it('an offer card names the offer, its provider, format, grades and price', () => {
    wrap(<OfferCard offer={offer} />);
    const link = screen.getByRole('link', { name: 'Besøk på vannkraftverket' });
    expect(link).toHaveAttribute('href', '/tilbud/iaxvI7dXPGGxrHKl');
    expect(screen.getByText('Fossekraft AS (demo)')).toBeInTheDocument();
    expect(screen.getByText('Bedriftsbesøk')).toBeInTheDocument();
    expect(screen.getByText('8.–10. trinn')).toBeInTheDocument();
    expect(screen.getByText('Gratis')).toBeInTheDocument();
    // how far from the school, and when it is next free
    expect(screen.getByText(/12 km fra skolen/)).toBeInTheDocument();
    expect(screen.getByText('Neste ledige: 9. februar 2027')).toBeInTheDocument();
  });

  it('request states in every language', async () => {
    const { rerender } = wrap(<StateTag state="accepted" />);
    expect(screen.getByText('Bekreftet')).toBeInTheDocument();
    await act(() => i18n.changeLanguage('nn'));
    rerender(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <StateTag state="accepted" />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(screen.getByText('Stadfesta')).toBeInTheDocument();
  });

  it('a data table has a caption, column and row headers', () => {
    wrap(
      <DataTable<{ k: string; v: number }>
        caption="Kommuner"
        rows={[
          { k: 'Oslo', v: 52 },
          { k: 'Bergen', v: 50 },
        ]}
        rowKey={(r) => r.k}
        columns={[
          { key: 'k', header: 'Kommune', cell: (r) => r.k },
          { key: 'v', header: 'Skalapoeng', cell: (r) => String(r.v), numeric: true },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Kommuner' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Kommune', 'Skalapoeng']);
    expect(within(table).getByRole('rowheader', { name: 'Oslo' })).toBeInTheDocument();
  });

  it('the attribution block is verbatim, in Norwegian whatever the language', async () => {
    await i18n.changeLanguage('en');
    wrap(<Attribution />);
    expect(screen.getByRole('heading', { name: 'Attribution' })).toBeInTheDocument();
    for (const line of ATTRIBUTION_LINES) expect(screen.getByText(line)).toBeInTheDocument();
    expect(ATTRIBUTION_LINES).toContain('Kartgrunnlag © Kartverket (CC BY 4.0)');
  });

  it('the language switch changes the language and the page language', async () => {
    wrap(<LanguageSwitch />);
    await userEvent.click(screen.getByRole('radio', { name: 'Nynorsk' }));
    expect(i18n.resolvedLanguage).toBe('nn');
    expect(document.documentElement.lang).toBe('nn');
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(i18n.resolvedLanguage).toBe('en');
  });

  it('sign-in sends people back only to paths of this site', () => {
    expect(safeNext('/tilbud/abc')).toBe('/tilbud/abc');
    expect(safeNext('//evil.example/')).toBe('/min-side');
    expect(safeNext('https://evil.example/')).toBe('/min-side');
    expect(safeNext(null)).toBe('/min-side');
  });

  it('open requests: a row per wish with weeks in short and the state; a 404 says the server has none yet', async () => {
    const open: OpenRequest = {
      id: 'oR1',
      school: { orgnr: '975280640', name: 'Kirkelund skole', municipality: { number: '3116', name: 'Skiptvet' }, county: { number: '31', name: 'Østfold' } },
      grade: 9,
      pupils: 24,
      subjects: ['natural_science'],
      formats: [],
      digital_ok: true,
      weeks: ['2027-W12', '2027-W13'],
      note: '',
      state: 'open',
      request_id: null,
      answers: [],
      allowed: [],
      created_at: '2026-11-24T01:41:57Z',
      updated_at: '2026-11-24T01:41:57Z',
    };
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(json(200, { items: [open], total: 1, next_cursor: null }));
    const first = wrap(<OpenRequestList caption="Åpne" query={{ state: 'open' }} />);
    const link = await screen.findByRole('link', { name: 'Kirkelund skole, 9. trinn' });
    expect(link).toHaveAttribute('href', '/apne-foresporsler/oR1');
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v1/open-requests?limit=100&state=open');
    expect(screen.getByText('uke 12–13 2027')).toBeInTheDocument();
    expect(screen.getByText('Åpen')).toBeInTheDocument();
    first.unmount();
    fetchMock.mockResolvedValueOnce(json(404, { type: 'x', title: 'Not found', status: 404, detail: 'no resource' }));
    wrap(<OpenRequestList caption="Åpne" />);
    expect(await screen.findByText('Åpne forespørsler er ikke tilgjengelige på denne serveren ennå.')).toBeInTheDocument();
    fetchMock.mockRestore();
  });
});

describe('Chart', () => {
  // The server's Content-Security-Policy refuses inline <style>; Plot would add one to each chart.
  test.each(['bars', 'columns', 'line'] as const)('a %s chart is an SVG with no <style> element', (kind) => {
    const data =
      kind === 'bars'
        ? [{ key: 'oslo', label: 'Oslo', value: 3 }, { key: 'vestland', label: 'Vestland', value: 5 }]
        : [{ x: '2024', value: 3 }, { x: '2025', value: 5 }];
    const spec = { kind, data } as Parameters<typeof Chart>[0]['spec'];
    const { container } = render(<Chart spec={spec} width={400} />);
    expect(container.querySelector('.chart svg')).not.toBeNull();
    expect(container.querySelector('style')).toBeNull();
  });
});

describe('the start page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('says a figure is missing when its query fails, instead of loading for ever', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ type: 'x', title: 'Unavailable', status: 503, detail: 'down' }), {
          status: 503,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    wrap(<HomePage />);
    const missing = await screen.findAllByText('tallet kunne ikke hentes nå');
    expect(missing.length).toBeGreaterThanOrEqual(7);
    expect(screen.queryByText('…')).not.toBeInTheDocument();
  });
});
