// First: restify without the SPDY module it never uses here (no DEP0111 warning on start).
import './withoutSpdy';
import * as restify from 'restify';
import type { TurnRunner } from '../bot/turnRunner';
import type { AuthenticatingAdapter } from '../hosting/botframework/authenticatingAdapter';
import { silentLogger, type Logger } from '../observability/logger';
import { answerActivityRequest, answerUnhandledErrors, readJsonBody } from './activityRequest';

export interface ServerOptions {
  adapter: AuthenticatingAdapter;
  bot: TurnRunner;
  /** Refused and failed requests are logged here; nothing when omitted. */
  logger?: Logger;
  /** False while the knowledge base loads: /health says 503 and messages are turned away. */
  isReady: () => boolean;
}

/**
 * The bot's HTTP endpoint, as in the Bot Framework samples: `POST /api/messages` for the
 * channel and `GET /health` for the host's probes.
 *
 * Both delivery modes are the CloudAdapter's: normally replies are posted back to the
 * activity's serviceUrl and the request is answered with an empty 200; with
 * `deliveryMode: "expectReplies"` the adapter buffers them and returns `{activities}` as the
 * response body. What is not a JSON activity of at most 256 KB, or not authenticated when the
 * bot has credentials, is answered 4xx before the bot (see activityRequest.ts).
 */
export function createServer(options: ServerOptions): restify.Server {
  const { adapter, bot, isReady } = options;
  const logger = options.logger ?? silentLogger();
  const server = restify.createServer({ name: 'campaign-kb-bot' });
  answerUnhandledErrors(server, logger);

  server.get('/health', (_req, res, next) => {
    if (isReady()) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'starting' });
    next();
  });

  // The body is read by the route (size limit, JSON only), not by restify's body parser.
  server.post('/api/messages', readJsonBody({ logger }), async (req, res) => {
    if (!isReady()) {
      // The channel retries; better than a turn without its knowledge base.
      res.header('Retry-After', '5');
      res.send(503, { status: 'starting' });
      return;
    }
    await answerActivityRequest({ adapter, bot, logger }, req, res);
  });

  return server;
}
