/**
 * The words that suggest a signal in the agent's note (docs/policy.md#noticed-as-typed), in
 * English and Spanish. Data like the rest of the policy: a host adds its own languages and
 * phrases with `definePolicy({ phrases: { … } })`. A suggestion is never a decision: the agent
 * confirms it with a click.
 */
import type { EscalationPolicy } from './schema.ts';

export const defaultPhrases: EscalationPolicy['phrases'] = {
  en: {
    negators: ['not', 'no', 'never', "didn't", "don't", "doesn't", "won't", "isn't", 'without', 'nor'],
    refundWords: ['refund', 'refunded', 'money back', 'reimburse'],
    creditWords: ['credit', 'credited', 'discount', 'compensation'],
    signals: {
      legalThreat: ['lawyer', 'attorney', 'sue', 'suing', 'lawsuit', 'legal action', 'court', 'bbb', 'better business bureau', 'ombudsman', 'regulator', 'attorney general', 'small claims'],
      managerRequested: ['manager', 'supervisor', 'someone in charge', 'your boss', 'speak to someone higher'],
      cancellation: ['cancel', 'cancellation', 'close my account', 'close the account', 'leave', 'leaving', 'switch provider', 'switching', 'competitor'],
      fraudSuspected: [
        'fraud',
        'fraudulent',
        "didn't make this charge",
        'did not make this charge',
        "didn't make these charges",
        'sim swap',
        'port-out',
        'port out',
        'unauthorized',
        'identity theft',
        'hacked',
        'cannot verify',
        "can't verify",
      ],
      upset: ['angry', 'furious', 'yelling', 'shouting', 'upset', 'frustrated', 'livid', 'rude'],
      vip: ['vip', 'high-value', 'key account'],
      multipleCustomersAffected: ['other customers', 'whole street', 'neighbours', 'neighbors', 'everyone in', 'outage'],
      troubleshootingExhausted: ['tried everything', 'nothing worked', 'still not working', 'reset did not help', 'rebooted'],
      unknownAnswer: ["don't know the answer", 'not sure what to do', 'no idea', 'unsure'],
    },
  },
  es: {
    negators: ['no', 'nunca', 'jamás', 'sin', 'ni', 'tampoco'],
    refundWords: ['reembolso', 'devolución', 'devolver el dinero', 'reintegro'],
    creditWords: ['crédito', 'abono', 'descuento', 'compensación'],
    signals: {
      legalThreat: ['abogado', 'abogada', 'demanda', 'demandar', 'denuncia', 'denunciar', 'juicio', 'tribunal', 'acciones legales', 'defensor del cliente', 'consumo', 'regulador', 'ombudsman'],
      managerRequested: ['gerente', 'supervisor', 'supervisora', 'encargado', 'responsable', 'jefe', 'superior'],
      cancellation: ['cancelar', 'cancelación', 'dar de baja', 'darse de baja', 'baja del servicio', 'irse a otra compañía', 'competencia', 'competidor'],
      fraudSuspected: ['fraude', 'fraudulento', 'no hizo este cargo', 'no reconoce el cargo', 'duplicado de sim', 'portabilidad no solicitada', 'suplantación', 'no autorizado', 'hackeado', 'no puede verificar'],
      upset: ['enfadado', 'enfadada', 'enojado', 'enojada', 'furioso', 'furiosa', 'gritando', 'molesto', 'molesta', 'frustrado', 'frustrada'],
      vip: ['vip', 'cliente clave', 'cuenta clave'],
      multipleCustomersAffected: ['otros clientes', 'todo el barrio', 'vecinos', 'varios clientes', 'caída general'],
      troubleshootingExhausted: ['probé todo', 'probado todo', 'nada funcionó', 'sigue sin funcionar'],
      unknownAnswer: ['no sé la respuesta', 'no sé qué hacer'],
    },
  },
};
