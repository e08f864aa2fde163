import { z } from 'zod';
import vi from 'zod/v4/locales/vi.js';

// The shared schemas word their own common messages; the rest (e.g. maximum length) fall back to zod's
// built-in Vietnamese wording rather than its English default.
z.config(vi());
