import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useIndicators } from '../api/hooks';
import { STAGES } from '../api/types';
import { Attribution } from '../components/Attribution';
import { PageHeading, QueryState, usePageTitle } from '../components/common';
import { pick } from '../lib/format';

export default function MonitorPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  usePageTitle(t('monitor.title'));
  const indicators = useIndicators();
  return (
    <div className="stack-lg">
      <PageHeading lead={t('monitor.lead')}>{t('monitor.title')}</PageHeading>
      <nav aria-label={t('monitor.stages_nav')}>
        <ol className="chain">
          {STAGES.map((s) => (
            <li key={s}>
              <a href={`#stage-${s}`}>{t(`stage.${s}`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <QueryState query={indicators}>
        {(list) => (
          <div className="stack-lg">
            {STAGES.map((stage) => {
              const items = list.items.filter((i) => i.stage === stage);
              if (items.length === 0) return null;
              return (
                <section key={stage} aria-labelledby={`stage-${stage}`} className="stack">
                  <Heading level={2} data-size="md" id={`stage-${stage}`} tabIndex={-1}>
                    {t(`stage.${stage}`)}
                  </Heading>
                  <ul className="cards plain-list">
                    {items.map((i) => (
                      <li key={i.id}>
                        <Card data-color="neutral" className="indicator-card">
                          <Heading level={3} data-size="xs">
                            <Link asChild>
                              <RouterLink to={`/monitor/${i.id}`}>{pick(i.name, lang)}</RouterLink>
                            </Link>
                          </Heading>
                          <Paragraph data-size="sm" className="clamp">
                            {pick(i.definition, lang)}
                          </Paragraph>
                          <div className="tags">
                            {i.has_data ? (
                              <Tag data-color="success">{t('monitor.latest', { period: i.latest_period })}</Tag>
                            ) : (
                              <Tag data-color="neutral">{t('monitor.no_data')}</Tag>
                            )}
                            <Tag data-color="neutral">{i.source.name}</Tag>
                          </div>
                        </Card>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        )}
      </QueryState>
      <Attribution />
    </div>
  );
}
