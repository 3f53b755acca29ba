import { customerScript, suggestRouting } from '@escalate-kit/sdk';

const routing = suggestRouting({ category: 'complaint', managerRequested: true });
const script = customerScript({ contactMethod: 'call', urgency: routing.urgency, routing });
document.querySelector('#routing')!.textContent = [
  `Team: ${routing.team}, level ${routing.level} (${routing.levelName}), priority ${routing.priority}`,
  ...routing.reasons,
  script?.before ?? '',
].join('\n');
