import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the HTTP endpoint adds to `GET /metrics` (Prometheus text format, prom-client). */
export interface InteractionMetrics {
  readonly registry: Registry;
  /** Interactions received over HTTP, by Discord type (command, autocomplete, button, …) and outcome. */
  readonly interactions: Counter<'type' | 'outcome'>;
  /** Time from a verified request to its HTTP response, by type. */
  readonly latency: Histogram<'type'>;
  /** Requests refused before any handler ran (bad or missing signature, stale timestamp, bad body). */
  readonly rejected: Counter<'reason'>;
  /** Interactions waiting for their first response now. */
  readonly inFlight: Gauge;
}

/** The HTTP endpoint's metrics, registered beside the bot's in `registry`. */
export function createInteractionMetrics(registry: Registry): InteractionMetrics {
  const registers = [registry];
  return {
    registry,
    interactions: new Counter({
      name: 'citebot_interactions_total',
      help: 'Interactions received over HTTP, by type and outcome (answered, timeout, error)',
      labelNames: ['type', 'outcome'],
      registers,
    }),
    latency: new Histogram({
      name: 'citebot_interaction_response_seconds',
      help: 'Time from a verified interaction request to its HTTP response',
      labelNames: ['type'],
      // Discord's deadline for the first response is 3 s.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3],
      registers,
    }),
    rejected: new Counter({
      name: 'citebot_interactions_rejected_total',
      help: 'HTTP interaction requests refused before any handler ran, by reason',
      labelNames: ['reason'],
      registers,
    }),
    inFlight: new Gauge({
      name: 'citebot_interactions_in_flight',
      help: 'Interactions waiting for their first response',
      registers,
    }),
  };
}
