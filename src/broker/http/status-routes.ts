// The operator's status page (GET /-/status, HTML), the same model as JSON (GET /-/status.json) and the policy
// playground (POST /-/status/playground), all behind the admin section's token exactly like POST /-/reload: 404
// without an `admin:` section, a wrong or missing token 401 and counted by the guessing guard. The 401 of the
// HTML page carries the page's sign-in state, so a browser (which cannot send a Bearer header on navigation)
// gets a token field; docs/broker-api.md explains the choice. The model, renderer and playground are in
// ../status/; these handlers only check the caller and pick the representation.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { BrokerError } from '../errors.js';
import type { BrokerMetrics } from '../metrics.js';
import type { HealthRecorder } from '../status/health.js';
import { buildStatus, type Status } from '../status/model.js';
import { renderStatusPage, STATUS_HEADERS } from '../status/page.js';
import { PLAYGROUND_BODY_LIMIT, runPlayground } from '../status/playground.js';
import type { RefusalLog } from '../status/refusals.js';
import { statusSchemas } from '../status/schema.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../verify/issuer-keys.js';
import type { Generations } from './generations.js';
import type { GuessingGuard } from './guessing.js';
import { admitAdmin } from './ops-routes.js';
import type { Serving } from './reload.js';

export interface StatusRouteDeps {
  generations: Generations<Serving>;
  store: Store;
  metrics: BrokerMetrics;
  guard: GuessingGuard;
  refusals: RefusalLog;
  health: HealthRecorder;
  version: string;
  now?: Clock;
}

export const statusRoutes: FastifyPluginAsync<StatusRouteDeps> = async (app, deps) => {
  const { generations, guard } = deps;

  const admit = (req: FastifyRequest): void => admitAdmin(generations, guard, req);

  const model = (): Promise<Status> => {
    const { config, verifier } = generations.current;
    return buildStatus({ ...deps, config, keys: verifier.keys.values(), generation: generations.number, now: deps.now ?? Date.now });
  };

  app.get('/-/status', { schema: statusSchemas.page }, async (req, reply) => {
    reply.headers(STATUS_HEADERS);
    try {
      admit(req);
    } catch (e) {
      // A browser without the token gets the page's sign-in state, still a 401.
      if (!(e instanceof BrokerError && e.code === 'unauthorized' && wantsHtml(req.headers.accept))) throw e;
      return reply.code(401).type('text/html; charset=utf-8').send(renderStatusPage());
    }
    return reply.type('text/html; charset=utf-8').send(renderStatusPage(await model()));
  });

  app.get('/-/status.json', { schema: statusSchemas.json }, async (req, reply) => {
    reply.headers(STATUS_HEADERS);
    admit(req);
    return reply.type('application/json; charset=utf-8').send(await model());
  });

  app.post('/-/status/playground', { schema: statusSchemas.playground, bodyLimit: PLAYGROUND_BODY_LIMIT }, async (req, reply) => {
    reply.headers(STATUS_HEADERS);
    admit(req);
    const body = typeof req.body === 'string' ? req.body : '';
    return reply.type('application/json; charset=utf-8').send(runPlayground(generations.current.config, body));
  });
};

function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept);
}
