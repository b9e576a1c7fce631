/**
 * Sends the connector's operations as plain JSON. The ConnectorClient's pipeline serialises every
 * outgoing activity by walking the SDK's `Activity` mapper field by field (and deserialises each
 * `ResourceResponse` the same way): about 0.1 ms of CPU per message sent, for a result that
 * `JSON.stringify` gives alike (dates become ISO strings either way, undefined fields are left
 * out). This keeps the client's pipeline (authentication, retries, user agent, errors) and only
 * swaps the body mappers of its operations for the pass-through `Object` mapper.
 * test/bot-framework/plain-json-operations.test.ts checks that the bodies posted are the same
 * JSON as the mapper-serialised ones for the activities this bot sends.
 * One of the few files that import the SDK (see src/bot-framework/README.md).
 */
import type { ConnectorClient } from 'botframework-connector';

/** The part of an operation spec of `@azure/core-client` this file rewrites. */
interface OperationSpecShape {
  requestBody?: { mapper?: MapperShape; [field: string]: unknown };
  responses?: Record<string, { bodyMapper?: MapperShape; [field: string]: unknown }>;
  [field: string]: unknown;
}

interface MapperShape {
  serializedName?: string;
  required?: boolean;
  type: { name: string; [field: string]: unknown };
  [field: string]: unknown;
}

type SendOperationRequest = (args: unknown, spec: OperationSpecShape, callback?: unknown) => Promise<unknown>;

/** A mapper that passes a JSON object through, as the composite it replaces would have been sent. */
const passThrough = (mapper: MapperShape): MapperShape =>
  mapper.type.name === 'Composite' ? { serializedName: mapper.serializedName, required: mapper.required, type: { name: 'Object' } } : mapper;

/** The spec with its composite request and response bodies passed through as plain JSON. */
function plainJsonSpec(spec: OperationSpecShape): OperationSpecShape {
  const requestMapper = spec.requestBody?.mapper;
  const responses = spec.responses
    ? Object.fromEntries(
        Object.entries(spec.responses).map(([status, response]) => [
          status,
          response.bodyMapper ? { ...response, bodyMapper: passThrough(response.bodyMapper) } : response,
        ]),
      )
    : undefined;
  return {
    ...spec,
    ...(spec.requestBody && requestMapper ? { requestBody: { ...spec.requestBody, mapper: passThrough(requestMapper) } } : {}),
    ...(responses ? { responses } : {}),
  };
}

/**
 * Makes `client` send its operations' bodies as plain JSON (see the file comment); each spec is
 * rewritten once and kept. Returns `client`.
 */
export function withPlainJsonOperations<T extends ConnectorClient>(client: T): T {
  const rewritten = new WeakMap<OperationSpecShape, OperationSpecShape>();
  const target = client as unknown as { sendOperationRequest: SendOperationRequest };
  const send = target.sendOperationRequest.bind(client);
  target.sendOperationRequest = (args, spec, callback) => {
    let plain = rewritten.get(spec);
    if (!plain) {
      plain = plainJsonSpec(spec);
      rewritten.set(spec, plain);
    }
    return send(args, plain, callback);
  };
  return client;
}
