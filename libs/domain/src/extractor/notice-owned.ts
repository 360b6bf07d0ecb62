// A covering notice over a task list grouped by lead unit: `一、县示范区管委会牵头工作（8项）` then `1.…` items, each
// that unit's (notice.ts reads the notice sentences; the numbered items of such a group are read here).
import type { Heading } from './headings';
import type { BodyLine } from './inline';
import { makeMeasure } from './make-measure';
import type { MeasureContext } from './make-measure';
import { ownerOfWork } from './owned-work';

export interface OwnedGroup {
  label: string;
  lead: string[];
}

/** The group a 一、 heading opens when it names whose work follows and the owner is a party, else null. */
export function ownedGroupOf(heading: Heading, isParty: (name: string) => boolean): OwnedGroup | null {
  const owner = ownerOfWork(heading.rest);
  const lead = owner ? owner.split(/、(?![^（]*）)/u) : [];
  return lead.length > 0 && lead.every(isParty) ? { label: heading.label, lead } : null;
}

/** One numbered item of an owned group: the owner's measure. */
export function pushOwnedItem(ctx: MeasureContext, l: BodyLine, item: Heading, group: OwnedGroup): void {
  const path = ['通知', group.label, item.label];
  ctx.measures.push(
    makeMeasure(ctx, {
      key: path.join('/'),
      parentKey: null,
      path,
      line: l.no,
      origin: 'inline',
      text: l.text,
      responsibility: {
        lead: group.lead,
        participants: [],
        joint: group.lead.length > 1,
        openList: false,
        declaresFirstIsLead: false,
      },
      deadline: ctx.parsers.findDeadline(l.text, { documentYear: ctx.documentYear }),
    }),
  );
}
