import type { CloudAdapter, TurnContext } from 'botbuilder';
import * as restify from 'restify';

/** What the endpoint needs of a bot: an ActivityHandler, or anything that runs a turn. */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

export interface ServerOptions {
  adapter: CloudAdapter;
  bot: TurnRunner;
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
 * response body. A body that is not a JSON activity is answered 400 before the bot.
 */
export function createServer(options: ServerOptions): restify.Server {
  const { adapter, bot, isReady } = options;
  const server = restify.createServer({ name: 'campaign-kb-bot' });
  // JSON only: restify's general bodyParser would also take multipart uploads into temp files.
  server.use(restify.plugins.jsonBodyParser());

  server.get('/health', (_req, res, next) => {
    if (isReady()) res.send(200, { status: 'ok' });
    else res.send(503, { status: 'starting' });
    next();
  });

  server.post('/api/messages', async (req, res) => {
    if (!isReady()) {
      // The channel retries; better than a turn without its knowledge base.
      res.header('Retry-After', '5');
      res.send(503, { status: 'starting' });
      return;
    }
    // The adapter throws (a 500) on a JSON body that is no activity; that is the client's error.
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { code: 'BadRequest', message: 'Expected a Bot Framework activity' });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  return server;
}
