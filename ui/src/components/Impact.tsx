import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import { useImpact } from '../api/hooks';
import type { ImpactYear } from '../api/types';
import { formatNumber } from '../lib/format';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';
import { QueryState } from './common';

/** What a provider's completed bookings came to, by year: a chart and its table (pupil counts under 5 withheld by the server). */
export function ImpactSection({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const impact = useImpact(orgId);
  const n = (v: number | null, d = 0) => (v === null ? t('impact.withheld') : formatNumber(lang, v, d));
  return (
    <QueryState query={impact}>
      {(data) =>
        data.items.length === 0 ? (
          <Paragraph>{t('impact.none')}</Paragraph>
        ) : (
          <ChartFigure
            caption={t('impact.caption')}
            spec={{ kind: 'columns', data: data.items.map((y) => ({ x: String(y.year), value: y.bookings })), unit: t('impact.bookings'), decimals: 0 }}
            note={t('impact.suppression')}
            table={
              <DataTable<ImpactYear>
                caption={t('impact.caption')}
                rows={data.items}
                rowKey={(r) => String(r.year)}
                columns={[
                  { key: 'year', header: t('impact.year'), cell: (r) => String(r.year) },
                  { key: 'bookings', header: t('impact.bookings'), cell: (r) => n(r.bookings), numeric: true },
                  { key: 'schools', header: t('impact.schools'), cell: (r) => n(r.schools), numeric: true },
                  { key: 'municipalities', header: t('impact.municipalities'), cell: (r) => n(r.municipalities), numeric: true },
                  { key: 'pupils', header: t('impact.pupils'), cell: (r) => n(r.pupils), numeric: true },
                  { key: 'girls', header: t('impact.girls'), cell: (r) => n(r.girls), numeric: true },
                  { key: 'boys', header: t('impact.boys'), cell: (r) => n(r.boys), numeric: true },
                  { key: 'hours', header: t('impact.hours'), cell: (r) => n(r.hours, 1), numeric: true },
                  { key: 'feedback', header: t('impact.feedback'), cell: (r) => (r.average_feedback === null ? '–' : n(r.average_feedback, 1)), numeric: true },
                ]}
              />
            }
          />
        )
      }
    </QueryState>
  );
}

