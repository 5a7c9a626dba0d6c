import { useTranslation } from 'react-i18next';
import { ToggleGroup } from '@digdir/designsystemet-react';
import { LANGUAGES, setLanguage } from '../i18n';

const NAMES: Record<string, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };
const SHORT: Record<string, string> = { nb: 'BM', nn: 'NN', en: 'EN' };

/** Bokmål, nynorsk, English: each option named in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <ToggleGroup
      data-size="sm"
      variant="secondary"
      aria-label={t('layout.language')}
      value={i18n.resolvedLanguage ?? 'nb'}
      onChange={(v) => setLanguage(v)}
      className="lang-switch"
    >
      {LANGUAGES.map((l) => (
        <ToggleGroup.Item key={l} value={l} lang={l} aria-label={NAMES[l]} title={NAMES[l]}>
          {SHORT[l]}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup>
  );
}
