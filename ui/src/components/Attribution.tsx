import { useTranslation } from 'react-i18next';
import { Heading, List } from '@digdir/designsystemet-react';

/** Verbatim from data/reference/README.md, "Attribution": shown wherever the data is. */
export const ATTRIBUTION_LINES = [
  'Kartgrunnlag © Kartverket (CC BY 4.0)',
  'Befolkning: Statistisk sentralbyrå',
  'Inneholder data under NLOD, tilgjengeliggjort på statistikkportalen.udir.no',
  'Vitensentre: Forskningsrådet. Institusjonsinndeling: SSB',
  'norway-geodata © 2025 Alexander Prestmo (MIT)',
  'Kommuneinndeling: Statistisk sentralbyrå (KLASS 131)',
  'Fylkesendringer: Folkehelseinstituttet, csdata (MIT)',
  'Elever og skoler: Inneholder data under NLOD, tilgjengeliggjort på statistikkportalen.udir.no (GSI)',
];

export function Attribution({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <section className="attribution" aria-labelledby="attribution-heading">
      <Heading level={headingLevel} data-size="2xs" id="attribution-heading">
        {t('about.attribution')}
      </Heading>
      <List.Unordered data-size="sm" lang="nb">
        {ATTRIBUTION_LINES.map((l) => (
          <List.Item key={l}>{l}</List.Item>
        ))}
      </List.Unordered>
    </section>
  );
}
