import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { Alert, Details, Field, Fieldset, Label, Link, Paragraph, Radio, Select } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { LngLatBounds, Map as MlMap, NavigationControl, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
// MapLibre runs its tile work in a module worker; give Vite the file so it lands in assets/.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { API, apiGet } from '../api/client';
import { useIndicators, useProgress } from '../api/hooks';
import type { Indicator, JsonStat } from '../api/types';
import { Attribution } from '../components/Attribution';
import { DataTable } from '../components/DataTable';
import { ProgressTag } from '../components/Targets';
import { ErrorAlert, Loading, PageHeading, usePageTitle } from '../components/common';
import { formatNumber, pick } from '../lib/format';
import { headlineCells, headlineQuery } from '../lib/jsonstat';
import { colorOf, NO_DATA, quantileClasses, ranges } from '../lib/classes';
import { unitLabel } from '../lib/units';
import { usePlaceName } from '../components/usePlaceName';

setWorkerUrl(workerUrl);

type Level = 'kommune' | 'fylke';
/** The old client-side count of offers; now the server's `offers_in_reach` indicator. */
const LEGACY_OFFERS = 'tilbud';
const OFFERS_IN_REACH = 'offers_in_reach';
const NORWAY: [number, number, number, number] = [4.5, 57.9, 31.2, 71.2];

interface AreaValue {
  code: string;
  name: string;
  value: number | null;
  status: string;
}

/** Boundaries as GeoJSON with `code` and `name` on every feature. */
function useBoundaries(level: Level) {
  return useQuery({
    queryKey: ['boundaries', level],
    staleTime: Infinity,
    queryFn: async (): Promise<FeatureCollection<Geometry, { code: string; name: string }>> => {
      if (level === 'fylke') {
        const g = await apiGet<FeatureCollection<Geometry, Record<string, string>>>(`${API}/boundaries/counties`);
        return {
          type: 'FeatureCollection',
          features: g.features.map((f) => ({
            ...f,
            properties: { code: f.properties.fylkesnummer ?? f.properties.id, name: f.properties.fylkesnavn ?? f.properties.name },
          })),
        };
      }
      const topo = await apiGet<Topology<{ Kommuner: GeometryCollection<Record<string, string>> }>>(`${API}/boundaries/municipalities`);
      const fc = feature(topo, topo.objects.Kommuner) as FeatureCollection<Geometry, Record<string, string>>;
      return {
        type: 'FeatureCollection',
        features: fc.features.map((f) => ({
          ...f,
          properties: { code: f.properties.kommunenummer ?? f.properties.id, name: f.properties.kommunenavn ?? f.properties.name },
        })),
      };
    },
  });
}

/** The values to colour by: an indicator's latest headline figures. */
function useValues(level: Level, indicator: Indicator | undefined) {
  return useQuery({
    queryKey: ['map-values', indicator?.id, level],
    enabled: !!indicator,
    queryFn: async (): Promise<AreaValue[]> => {
      const ds = await apiGet<JsonStat>(`${API}/indicators/${indicator!.id}/data`, {
        level: level === 'fylke' ? 'county' : 'municipality',
        period: 'latest',
        ...headlineQuery(indicator!.headline),
      });
      return headlineCells(ds, indicator!.headline).map((c) => ({
        code: c.keys.area,
        name: c.labels.area,
        value: c.value,
        status: c.status,
      }));
    },
  });
}

function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') || c.getContext('webgl'));
  } catch {
    return false;
  }
}

export default function MapPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  usePageTitle(t('map.title'));
  const placeName = usePlaceName();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const indicators = useIndicators();
  const level: Level = params.get('niva') === 'fylke' ? 'fylke' : 'kommune';
  const apiLevel = level === 'fylke' ? 'county' : 'municipality';
  const usable = (indicators.data?.items ?? []).filter((i) => i.has_data && i.levels.includes(apiLevel));
  // Engagement (offers in reach, cold spots) is computed by stemnet; the rest are the monitor's.
  const engagement = usable.filter((i) => i.stage === 'engagement');
  const others = usable.filter((i) => i.stage !== 'engagement');
  const asked = params.get('indikator');
  const what = (asked === LEGACY_OFFERS ? OFFERS_IN_REACH : asked) ?? (others[0]?.id || engagement[0]?.id || '');
  const indicator = usable.find((i) => i.id === what);
  const boundaries = useBoundaries(level);
  const values = useValues(level, indicator);
  // Progress against the target that applies to each area (none: no column, no note).
  const progress = useProgress(indicator?.id, apiLevel, !!indicator && indicator.direction !== 'neutral');
  const progressByArea = useMemo(() => new Map((progress.data?.items ?? []).map((p) => [p.area.code, p.progress.state])), [progress.data]);
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const [hover, setHover] = useState<AreaValue | null>(null);
  const [ready, setReady] = useState(false);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };

  const byCode = useMemo(() => new Map((values.data ?? []).map((v) => [v.code, v])), [values.data]);
  const classes = useMemo(
    () => quantileClasses((values.data ?? []).map((v) => v.value).filter((v): v is number => v !== null)),
    [values.data],
  );
  const decimals = indicator?.decimals ?? 0;
  const unit = indicator ? unitLabel(t, indicator.unit) : '';
  const title = indicator ? pick(indicator.name, lang) : '';

  const rows: AreaValue[] = useMemo(() => {
    const features = boundaries.data?.features ?? [];
    return features
      .map((f) => {
        const v = byCode.get(f.properties.code);
        return {
          code: f.properties.code,
          name: f.properties.name,
          value: v?.value ?? null,
          status: v?.status ?? '',
        };
      })
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'nb'));
  }, [boundaries.data, byCode, what]);

  // Create the map once.
  useEffect(() => {
    if (!container.current || map.current) return;
    if (!webglAvailable()) {
      setMapError(t('map.no_webgl'));
      return;
    }
    try {
      const m = new MlMap({
        container: container.current,
        style: {
          version: 8,
          sources: {},
          layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3f8' } }],
        },
        bounds: NORWAY,
        fitBoundsOptions: { padding: 10 },
        attributionControl: { compact: false, customAttribution: 'Kartgrunnlag © Kartverket (CC BY 4.0)' },
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        cooperativeGestures: false,
        locale: {
          'NavigationControl.ZoomIn': t('map.zoom_in'),
          'NavigationControl.ZoomOut': t('map.zoom_out'),
          'NavigationControl.ResetBearing': t('map.reset_bearing'),
          'Map.Title': t('map.canvas_label'),
        },
      });
      m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      m.getCanvas().setAttribute('aria-label', t('map.canvas_label'));
      m.on('load', () => {
        m.addSource('areas', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'code' });
        m.addLayer({ id: 'fill', type: 'fill', source: 'areas', paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.9 } });
        m.addLayer({ id: 'line', type: 'line', source: 'areas', paint: { 'line-color': '#ffffff', 'line-width': 0.6 } });
        m.addLayer({
          id: 'hover',
          type: 'line',
          source: 'areas',
          paint: { 'line-color': '#1e2b3c', 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0] },
        });
        setReady(true);
      });
      m.on('error', (e: { error?: unknown }) => {
        // A failed draw is logged; it does not hide the table.
        console.warn('map error', e.error);
      });
      map.current = m;
      // The browser tests find an area's pixel with map.project(); nothing else reads this.
      (window as unknown as { __stemnetMap?: MlMap }).__stemnetMap = m;
    } catch (e) {
      setMapError(t('map.no_webgl'));
      console.warn(e);
    }
    return () => {
      map.current?.remove();
      map.current = null;
      setReady(false);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Feed the coloured features whenever the boundaries or values change.
  useEffect(() => {
    const m = map.current;
    if (!m || !ready || !boundaries.data) return;
    const data = {
      type: 'FeatureCollection' as const,
      features: boundaries.data.features.map((f) => {
        const v = byCode.get(f.properties.code);
        const value = v?.value ?? null;
        return { ...f, properties: { ...f.properties, value, color: values.data ? colorOf(classes, value) : NO_DATA } };
      }),
    };
    (m.getSource('areas') as GeoJSONSource | undefined)?.setData(data);
    const focus = params.get('fylke') || params.get('omrade');
    if (focus) {
      const matches = boundaries.data.features.filter((f) => f.properties.code.startsWith(focus));
      if (matches.length) {
        const b = new LngLatBounds();
        for (const f of matches) {
          const walk = (c: unknown): void => {
            if (Array.isArray(c) && typeof c[0] === 'number') b.extend(c as [number, number]);
            else if (Array.isArray(c)) c.forEach(walk);
          };
          walk((f.geometry as { coordinates: unknown }).coordinates);
        }
        m.fitBounds(b, { padding: 30, duration: 0, maxZoom: 9 });
      }
    }
  }, [ready, boundaries.data, byCode, classes, values.data, what, params]);

  // Hover and click.
  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    let hovered: string | null = null;
    const move = (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      if (!f) return;
      const code = String(f.properties?.code);
      if (hovered && hovered !== code) m.setFeatureState({ source: 'areas', id: hovered }, { hover: false });
      hovered = code;
      m.setFeatureState({ source: 'areas', id: code }, { hover: true });
      m.getCanvas().style.cursor = 'pointer';
      const v = byCode.get(code);
      setHover({ code, name: String(f.properties?.name), value: v?.value ?? null, status: v?.status ?? '' });
    };
    const leave = () => {
      if (hovered) m.setFeatureState({ source: 'areas', id: hovered }, { hover: false });
      hovered = null;
      m.getCanvas().style.cursor = '';
      setHover(null);
    };
    const click = (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.properties?.code;
      if (code) navigate(level === 'fylke' ? `/fylke/${code}` : `/kommune/${code}`);
    };
    m.on('mousemove', 'fill', move);
    m.on('mouseleave', 'fill', leave);
    m.on('click', 'fill', click);
    return () => {
      m.off('mousemove', 'fill', move);
      m.off('mouseleave', 'fill', leave);
      m.off('click', 'fill', click);
    };
  }, [ready, byCode, level, navigate, what]);

  const fmt = (v: AreaValue) =>
    v.value === null ? (v.status ? t('monitor.suppressed', { status: v.status }) : t('map.no_data')) : formatNumber(lang, v.value, decimals);

  return (
    <div className="stack-lg">
      <PageHeading lead={t('map.lead')}>{t('map.title')}</PageHeading>
      <div className="map-controls row wrap">
        <Field>
          <Label>{t('map.colour_by')}</Label>
          <Select value={what} onChange={(e) => set('indikator', e.target.value)} data-testid="map-indicator">
            <Select.Optgroup label={t('map.group_indicators')}>
              {others.map((i) => (
                <Select.Option key={i.id} value={i.id}>
                  {pick(i.name, lang)}
                </Select.Option>
              ))}
            </Select.Optgroup>
            {engagement.length > 0 && (
              <Select.Optgroup label={t('map.group_engagement')}>
                {engagement.map((i) => (
                  <Select.Option key={i.id} value={i.id}>
                    {pick(i.name, lang)}
                  </Select.Option>
                ))}
              </Select.Optgroup>
            )}
          </Select>
        </Field>
        <Fieldset className="level-radios">
          <Fieldset.Legend>{t('map.level')}</Fieldset.Legend>
          <div className="inline-radios">
            <Radio name="level" value="kommune" label={t('level.municipality_plural')} checked={level === 'kommune'} onChange={() => set('niva', 'kommune')} />
            <Radio name="level" value="fylke" label={t('level.county_plural')} checked={level === 'fylke'} onChange={() => set('niva', 'fylke')} />
          </div>
        </Fieldset>
      </div>

      <figure className="map-figure">
        <figcaption className="map-caption">
          {title}
          {indicator?.latest_period ? ` (${indicator.latest_period})` : ''} – {t(level === 'fylke' ? 'level.county_plural' : 'level.municipality_plural')}
        </figcaption>
        <div className="map-wrap">
          <div ref={container} className="map" data-testid="map" />
          {(boundaries.isPending || values.isFetching) && !mapError && (
            <div className="map-loading">
              <Loading label={t('map.loading')} />
            </div>
          )}
          {hover && (
            <div className="map-hover" aria-hidden="true">
              <strong>{level === 'kommune' ? placeName({ number: hover.code, name: hover.name }) : hover.name}</strong>: {fmt(hover)}
              {progressByArea.get(hover.code) && <> · {t('targets.column')}: {t(`progress.${progressByArea.get(hover.code)!}`)}</>}
            </div>
          )}
        </div>
        {mapError && (
          <Alert data-color="warning">
            <Paragraph>{mapError}</Paragraph>
          </Alert>
        )}
        {boundaries.isError && <ErrorAlert error={boundaries.error} title={t('map.boundaries_error')} />}
        {values.isError && <ErrorAlert error={values.error} />}
        <div className="legend" aria-label={t('map.legend')} role="group">
          <p className="legend__title">
            {t('map.legend')}: {unit}
          </p>
          <ul>
            {classes &&
              ranges(classes).map((r) => (
                <li key={r.color}>
                  <span className="swatch" style={{ background: r.color }} aria-hidden="true" />
                  {formatNumber(lang, r.from, decimals)}–{formatNumber(lang, r.to, decimals)}
                </li>
              ))}
            <li>
              <span className="swatch" style={{ background: NO_DATA }} aria-hidden="true" />
              {t('map.no_data_legend')}
            </li>
          </ul>
        </div>
        <Paragraph data-size="sm" className="muted">
          {t('map.click_hint')}
        </Paragraph>
      </figure>

      <section aria-labelledby="map-table">
        <Details>
          <Details.Summary id="map-table">{t('map.table_summary', { count: rows.length })}</Details.Summary>
          <Details.Content>
            {rows.length > 0 && (
              <DataTable<AreaValue>
                caption={`${title} – ${t(level === 'fylke' ? 'level.county_plural' : 'level.municipality_plural')}`}
                rows={rows}
                rowKey={(r) => r.code}
                columns={[
                  {
                    key: 'name',
                    header: t(level === 'fylke' ? 'level.county' : 'level.municipality'),
                    cell: (r) => (
                      <Link asChild>
                        <RouterLink to={level === 'fylke' ? `/fylke/${r.code}` : `/kommune/${r.code}`}>{level === 'kommune' ? placeName({ number: r.code, name: r.name }) : r.name}</RouterLink>
                      </Link>
                    ),
                  },
                  { key: 'value', header: unit, cell: fmt, numeric: true },
                  ...(progressByArea.size > 0
                    ? [
                        {
                          key: 'progress',
                          header: t('targets.progress'),
                          cell: (r: AreaValue) => {
                            const state = progressByArea.get(r.code);
                            return state ? <ProgressTag state={state} /> : '';
                          },
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Details.Content>
        </Details>
      </section>
      <Attribution />
    </div>
  );
}
