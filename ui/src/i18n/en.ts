import type { Messages } from './nb';
import { site } from './en/site';
import { catalogue } from './en/catalogue';
import { requests } from './en/requests';
import { dashboards } from './en/dashboards';
import { brokering } from './en/brokering';
import { monitor } from './en/monitor';
import { problems } from './en/problems';

// English: the texts are in en/, one file per part of the product.
export const en: Messages = { ...site, ...catalogue, ...requests, ...dashboards, ...brokering, ...monitor, ...problems };
