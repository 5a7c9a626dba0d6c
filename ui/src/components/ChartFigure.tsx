import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Details, Paragraph } from '@digdir/designsystemet-react';
import type { ChartSpec } from './chart-spec';
import { Loading } from './common';

const Chart = lazy(() => import('./Chart'));

/**
 * A chart with a caption and the same figures as a table. The drawing is hidden from
 * screen readers; the table (open by default when asked) is the accessible version.
 */
export function ChartFigure({
  caption,
  spec,
  table,
  note,
  tableOpen = false,
}: {
  caption: ReactNode;
  spec: ChartSpec;
  table: ReactNode;
  note?: ReactNode;
  tableOpen?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      <Suspense fallback={<Loading label={t('chart.loading')} />}>
        <Chart spec={spec} />
      </Suspense>
      {note && <Paragraph data-size="sm" className="chart-note">{note}</Paragraph>}
      <Details defaultOpen={tableOpen}>
        <Details.Summary>{t('chart.show_table')}</Details.Summary>
        <Details.Content>{table}</Details.Content>
      </Details>
    </figure>
  );
}
