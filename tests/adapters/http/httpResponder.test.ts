import { describe, expect, it } from 'vitest';
import { HttpResponder } from '../../../src/adapters/http/httpResponder.ts';

type Init = Parameters<HttpResponder['makeRequest']>[1];

const callbackUrl = 'http://127.0.0.1:1/api/v10/interactions/123456789012345678/token-abc/callback';
const init = { method: 'POST', body: '{"type":5,"data":{"flags":64}}' } as unknown as Init;

describe('HttpResponder', () => {
  it('hands the first response to the waiting HTTP request', async () => {
    const responder = new HttpResponder();
    const waiting = responder.waitFor('123456789012345678', 1000);
    void responder.makeRequest(callbackUrl, init);
    const delivery = await waiting;
    expect(delivery?.response.contentType).toBe('application/json');
    expect(delivery?.response.body.toString()).toBe('{"type":5,"data":{"flags":64}}');
    delivery?.sent();
    expect(responder.waiting).toBe(0);
  });

  it('tells discord.js the callback was accepted only once the HTTP response is sent, so an edit cannot overtake a defer', async () => {
    const responder = new HttpResponder();
    const waiting = responder.waitFor('123456789012345678', 1000);
    let accepted = false;
    const request = responder.makeRequest(callbackUrl, init).then((response) => {
      accepted = true;
      return response;
    });
    const delivery = await waiting;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(accepted).toBe(false);
    delivery?.sent();
    expect((await request).status).toBe(204);
    expect(accepted).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const responder = new HttpResponder();
    expect(await responder.waitFor('1', 10)).toBeUndefined();
    expect(responder.waiting).toBe(0);
  });
});
