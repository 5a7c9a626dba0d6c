import type { Messages } from './nb';
import { site } from './nn/site';
import { catalogue } from './nn/catalogue';
import { requests } from './nn/requests';
import { dashboards } from './nn/dashboards';
import { brokering } from './nn/brokering';
import { monitor } from './nn/monitor';
import { problems } from './nn/problems';

// Nynorsk: the texts are in nn/, one file per part of the product.
export const nn: Messages = { ...site, ...catalogue, ...requests, ...dashboards, ...brokering, ...monitor, ...problems };
