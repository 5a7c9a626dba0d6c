import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nb } from './nb';
import { nn } from './nn';
import { en } from './en';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type UiLang = (typeof LANGUAGES)[number];
const KEY = 'stemnet.lang';

function initial(): UiLang {
  try {
    const fromUrl = new URLSearchParams(window.location.search).get('lang');
    const saved = fromUrl ?? window.localStorage.getItem(KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as UiLang;
  } catch {
    /* no storage */
  }
  return 'nb';
}

export function setLanguage(lang: string) {
  if (!(LANGUAGES as readonly string[]).includes(lang)) return;
  try {
    window.localStorage.setItem(KEY, lang);
  } catch {
    /* no storage */
  }
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: typeof window === 'undefined' ? 'nb' : initial(),
  fallbackLng: 'nb',
  supportedLngs: LANGUAGES as unknown as string[],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
