import helmet from 'helmet';

/**
 * helmet's headers with a CSP that the pages this service serves work under: every script and
 * stylesheet comes from the service itself (no inline script; GraphiQL and CodeMirror set
 * inline styles, hence `style-src 'unsafe-inline'`), data: images and fonts, blob: workers.
 * Resources are readable cross-origin, since frontends on other origins fetch the exports.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'frame-ancestors': ["'none'"],
        // Served over plain HTTP on a LAN too: upgrading would break every asset there.
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
