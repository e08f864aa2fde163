import { z } from 'zod';
import vi from 'zod/v4/locales/vi.js';

// The shared schemas word their own common messages; the rest (e.g. maximum length) fall back to zod's
// built-in Vietnamese wording rather than its English default.
z.config(vi());
// No compiled parsers: Zod would first probe for eval with `new Function`, which the server's
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses and reports as a violation.
// Set before any schema is built (main.tsx imports this module first), as objects read it then.
z.config({ jitless: true });
