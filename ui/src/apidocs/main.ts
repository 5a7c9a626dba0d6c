// The API reference at /api/docs: Swagger UI renders the document the server serves
// (/api/v1/openapi.json, the same api/openapi.yaml it checks requests against), from
// our own origin, with no CDN and no call to Swagger's online validator. "Try it out"
// runs as the signed-in person: the session cookie goes along (same origin) and the
// CSRF token from the stemnet_csrf cookie is sent on changes, as the front-end does.
import SwaggerUIBundle from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import './apidocs.css';

interface ApiRequest {
  method?: string;
  headers: Record<string, string>;
}

function csrfToken(): string | null {
  const m = document.cookie.match(/(?:^|;\s*)stemnet_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#api',
  // Deep links would put a link inside each operation's button (nested controls, WCAG 4.1.2).
  deepLinking: false,
  validatorUrl: null,
  docExpansion: 'none',
  defaultModelsExpandDepth: 0,
  displayRequestDuration: true,
  // Its highlighting colours fall short of AA contrast on the dark code background.
  syntaxHighlight: false,
  filter: true,
  withCredentials: true,
  // Swagger UI leaves the server chooser without a name (WCAG 4.1.2).
  onComplete: () => {
    document.querySelector('#servers')?.setAttribute('aria-label', 'Server');
  },
  requestInterceptor: (req: ApiRequest) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const token = csrfToken();
    if (token && method !== 'GET' && method !== 'HEAD') req.headers['X-CSRF-Token'] = token;
    return req;
  },
});
