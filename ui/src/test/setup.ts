import '@testing-library/jest-dom/vitest';
import '../i18n';
// jsdom has no Web Animations; Designsystemet's spinner asks for them.
if (typeof document !== 'undefined' && !('getAnimations' in document)) Object.defineProperty(document, 'getAnimations', { value: () => [] });
