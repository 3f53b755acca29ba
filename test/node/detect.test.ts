/**
 * Signals noticed as the agent types (docs/policy.md#noticed-as-typed): for every signal and
 * both languages, a note that should suggest it and one that should not; negation, quotation
 * and amounts; and the phrases are data a host can extend.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definePolicy, detectSignals, parseAmount, signalNames, type SignalName } from '@escalate-kit/sdk';

const signalsIn = (text: string, locale = 'en') => detectSignals(text, { locale }).flatMap((s) => (s.kind === 'signal' ? [s.signal] : []));

const table: Record<'en' | 'es', Record<SignalName, [yes: string, no: string]>> = {
  en: {
    fraudSuspected: ["Caller can't verify the account and asked about a SIM-swap.", 'Asked about the security alert add-on.'],
    legalThreat: ['Customer says he will call his lawyer and the BBB.', 'Customer asked about the billing address.'],
    cancellation: ['She wants to cancel and switch to a competitor.', 'She wants to upgrade her plan.'],
    managerRequested: ['Demands to speak to a manager right now.', 'Asked for the opening hours.'],
    vip: ['This is a VIP account with five lines.', 'Regular residential account.'],
    multipleCustomersAffected: ['Other customers on the same street report it too.', 'Only this customer is affected.'],
    troubleshootingExhausted: ['We tried everything, the router is still not working.', 'Router works after a reboot.'],
    upset: ['Customer was yelling and very angry.', 'Customer was calm and polite.'],
    unknownAnswer: ["I don't know the answer to the porting question.", 'I explained the porting steps.'],
  },
  es: {
    fraudSuspected: ['El cliente no reconoce el cargo y habla de un duplicado de SIM.', 'El cliente pregunta por su factura.'],
    legalThreat: ['Dice que llamará a su abogado y pondrá una denuncia.', 'Pregunta por la dirección de facturación.'],
    cancellation: ['Quiere darse de baja e irse a otra compañía.', 'Quiere ampliar su tarifa.'],
    managerRequested: ['Exige hablar con un supervisor.', 'Pregunta el horario de apertura.'],
    vip: ['Es un cliente VIP con cinco líneas.', 'Cuenta residencial normal.'],
    multipleCustomersAffected: ['Otros clientes del barrio tienen el mismo problema.', 'Solo afecta a este cliente.'],
    troubleshootingExhausted: ['Probé todo y sigue sin funcionar.', 'Funciona tras reiniciar.'],
    upset: ['El cliente está furioso, gritando.', 'El cliente fue amable.'],
    unknownAnswer: ['No sé la respuesta a su pregunta.', 'Le expliqué los pasos.'],
  },
};

describe('detectSignals: every signal, in English and Spanish', () => {
  for (const [locale, rows] of Object.entries(table)) {
    for (const signal of signalNames) {
      const [yes, no] = rows[signal];
      it(`${locale} ${signal}: suggested by "${yes}", not by "${no}"`, () => {
        assert.ok(signalsIn(yes, locale).includes(signal), `${signal} in ${JSON.stringify(signalsIn(yes, locale))}`);
        assert.ok(!signalsIn(no, locale).includes(signal), `not ${signal} in ${JSON.stringify(signalsIn(no, locale))}`);
      });
    }
  }
});

describe('detectSignals: what it does not say', () => {
  it("suggests manager and legal threat for the procedures' example note", () => {
    const example =
      'Issue: Customer disputing $450 charge. Tried: Explained policy, offered payment plan. Why: Customer demands manager, threatening BBB.';
    const found = detectSignals(example);
    assert.deepEqual(
      found.map((s) => (s.kind === 'signal' ? s.signal : s.kind)),
      ['amount', 'managerRequested', 'legalThreat'],
    );
    const bbb = found.find((s) => s.kind === 'signal' && s.signal === 'legalThreat')!;
    assert.equal(bbb.phrase, 'BBB');
    assert.equal(example.slice(bbb.index, bbb.index + 3), 'BBB');
  });

  it('leaves out a negated phrase, in both languages', () => {
    assert.deepEqual(signalsIn('Customer said he is not going to sue, he only wants the bill fixed.'), []);
    assert.deepEqual(signalsIn('No quiere un abogado, solo la factura corregida.', 'es'), []);
  });

  it('matches whole words only ("issue" holds no "sue", "leaves" is not "leave")', () => {
    assert.deepEqual(signalsIn('The issue is a misread meter; the technician leaves at five.'), []);
  });

  it('leaves out a phrase the data marks as not counted when quoted', () => {
    const policy = definePolicy({ phrases: { en: { signals: { fraudSuspected: [{ text: 'fraud', unless: ['negated', 'quoted'] }] } } } });
    const quoted = detectSignals('Customer asked about the "fraud alert" add-on.', { policy }).map((s) => s.kind);
    const plain = detectSignals('Customer reports fraud on the account.', { policy }).flatMap((s) =>
      s.kind === 'signal' ? [s.signal] : [],
    );
    assert.deepEqual(quoted, []);
    assert.deepEqual(plain, ['fraudSuspected']);
  });

  it('does not suggest a signal already set, nor an amount once one is set', () => {
    const text = 'Demands a manager and a refund of $450.';
    assert.deepEqual(detectSignals(text, { signals: { managerRequested: true, refund: 450 } }), []);
  });

  it('reads amounts in either notation and says refund or credit from the words around them', () => {
    const amounts = (t: string, locale = 'en') =>
      detectSignals(t, { locale }).flatMap((s) => (s.kind === 'amount' ? [[s.amount, s.as]] : []));
    assert.deepEqual(amounts('Wants a refund of $1,250.50 for the outage.'), [[1250.5, 'refund']]);
    assert.deepEqual(amounts('Asked for a 20 dollars credit.'), [[20, 'credit']]);
    assert.deepEqual(amounts('Pide un reembolso de 1.250,50 €.', 'es'), [[1250.5, 'refund']]);
    assert.deepEqual(amounts('Charge of $450 on the last bill.'), [[450, undefined]]);
    assert.deepEqual(amounts('Called 3 times in 2 days.'), []);
  });

  it('takes phrases a host adds for its own language', () => {
    const policy = definePolicy({
      phrases: {
        fr: { negators: ['ne', 'pas'], refundWords: ['remboursement'], creditWords: ['avoir'], signals: { legalThreat: ['avocat'] } },
      },
    });
    assert.deepEqual(
      detectSignals('Le client appelle son avocat.', { locale: 'fr-CA', policy }).map((s) => s.kind === 'signal' && s.signal),
      ['legalThreat'],
    );
  });
});

describe('detectSignals: what the agent dismissed', () => {
  it('skips a dismissed phrase and still offers a later phrase of the same signal', () => {
    const text = 'He mentioned a lawyer, later an attorney too.';
    const first = detectSignals(text).find((s) => s.kind === 'signal')!;
    assert.equal(first.kind === 'signal' && first.phrase, 'lawyer');
    const after = detectSignals(text, { skip: ['legalThreat:lawyer'] }).find((s) => s.kind === 'signal')!;
    assert.equal(after.kind === 'signal' && after.phrase, 'attorney');
    assert.deepEqual(detectSignals(text, { skip: ['legalThreat:lawyer', 'legalThreat:attorney'] }), []);
  });

  it('skips a dismissed amount', () => {
    assert.deepEqual(detectSignals('A refund of $450.', { skip: ['amount:$450'] }), []);
  });

  it('parses amounts as people write them, and refuses what is not one', () => {
    assert.equal(parseAmount('1,250.50'), 1250.5);
    assert.equal(parseAmount('1.250,50'), 1250.5);
    assert.equal(parseAmount('450'), 450);
    assert.ok(Number.isNaN(parseAmount('12a')));
  });
});
