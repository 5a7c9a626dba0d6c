import { useTranslation } from 'react-i18next';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useIndicators } from '../api/hooks';
import { Attribution } from '../components/Attribution';
import { DataTable } from '../components/DataTable';
import { PageHeading, usePageTitle } from '../components/common';

interface Source {
  key: string;
  records: string;
  source: string;
  licence: string;
}

const SOURCES: Source[] = [
  { key: 'municipalities', records: '357', source: 'norway-geodata (A. Prestmo); SSB/Kartverket', licence: 'MIT' },
  { key: 'counties', records: '15', source: 'norway-geodata (A. Prestmo)', licence: 'MIT' },
  { key: 'postcodes', records: '5 121', source: 'Posten/Bring', licence: 'MIT' },
  { key: 'county_boundaries', records: '15', source: 'Kartverket', licence: 'CC BY 4.0' },
  { key: 'municipality_boundaries', records: '357', source: 'Kartverket', licence: 'CC BY 4.0' },
  { key: 'science_centres', records: '13', source: 'Forskningsrådet', licence: 'NLOD' },
  { key: 'higher_education', records: '24', source: 'SSB', licence: 'NLOD' },
  { key: 'national_tests', records: '2 571', source: 'Udir Statistikkportalen', licence: 'NLOD' },
  { key: 'pupils', records: '373', source: 'Udir GSI', licence: 'NLOD' },
  { key: 'area_history', records: '851 + 33', source: 'SSB KLASS 131', licence: 'CC BY 4.0' },
  { key: 'county_weights', records: '1 393', source: 'Folkehelseinstituttet (csdata)', licence: 'MIT' },
];

export default function AboutPage() {
  const { t } = useTranslation();
  usePageTitle(t('about.title'));
  const indicators = useIndicators();
  const monitorSources = new Map<string, { name: string; licence: string; url: string | null; attribution: string }>();
  for (const i of indicators.data?.items ?? []) {
    if (!monitorSources.has(i.source.name)) monitorSources.set(i.source.name, { ...i.source });
  }

  return (
    <div className="stack-lg readable">
      <PageHeading lead={t('about.lead')}>{t('about.title')}</PageHeading>
      <Attribution />
      <section className="stack">
        <Heading level={2} data-size="md">
          {t('about.registry')}
        </Heading>
        <Paragraph>{t('about.registry_text')}</Paragraph>
        <DataTable<Source>
          caption={t('about.sources_caption')}
          rows={SOURCES}
          rowKey={(r) => r.key}
          columns={[
            { key: 'what', header: t('about.col_what'), cell: (r) => t(`about.src.${r.key}`) },
            { key: 'records', header: t('about.col_records'), cell: (r) => r.records, numeric: true },
            { key: 'source', header: t('about.col_source'), cell: (r) => r.source },
            { key: 'licence', header: t('about.col_licence'), cell: (r) => r.licence },
          ]}
        />
      </section>
      <section className="stack">
        <Heading level={2} data-size="md">
          {t('about.monitor')}
        </Heading>
        <Paragraph>{t('about.monitor_text')}</Paragraph>
        <ul>
          {[...monitorSources.values()].map((s) => (
            <li key={s.name}>
              {s.url ? <Link href={s.url}>{s.name}</Link> : s.name}: <span lang="nb">{s.attribution}</span> ({s.licence})
            </li>
          ))}
        </ul>
      </section>
      <section className="stack">
        <Heading level={2} data-size="md">
          {t('about.caveats')}
        </Heading>
        <ul>
          <li>{t('about.caveat_location')}</li>
          <li>{t('about.caveat_suppressed')}</li>
          <li>{t('about.caveat_svalbard')}</li>
          <li>{t('about.caveat_demo')}</li>
        </ul>
      </section>
    </div>
  );
}
