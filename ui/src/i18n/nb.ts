// Bokmål: the default language and the source of every key. nn.ts and en.ts must have the same keys
// (the type below makes the compiler check it, and i18n.test.ts checks it again). The texts are in
// nb/, one file per part of the product.
import { site } from './nb/site';
import { catalogue } from './nb/catalogue';
import { requests } from './nb/requests';
import { dashboards } from './nb/dashboards';
import { brokering } from './nb/brokering';
import { monitor } from './nb/monitor';
import { problems } from './nb/problems';

export const nb = { ...site, ...catalogue, ...requests, ...dashboards, ...brokering, ...monitor, ...problems };

type Deep<T> = { [K in keyof T]: T[K] extends string ? string : Deep<T[K]> };
export type Messages = Deep<typeof nb>;
