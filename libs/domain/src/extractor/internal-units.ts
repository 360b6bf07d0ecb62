/**
 * A department's own units, the holders of its work plans and notices to itself (`局机关各科室要…`, `各科室均是…责任主体`,
 * `各牵头处室、单位要履行牵头职责`, `局机关各处室、各直属单位要强化协同配合`, `委属各单位`, `厅直各单位`): its offices
 * (处室/科室/股室, under the bureau's 机关 or by their role in the work) and the units under it (局属/委属/厅直/直属单位,
 * 二级单位). County bureaus, municipal commissions and provincial departments address them instead of other bodies.
 */

/**
 * Offices: a collective or a role before 处室/科室/股室 (`各科室`, `有关科室`, `局机关各科室`, `其他机关各处室`,
 * `各牵头责任科室`, `会办处室`), optionally written with the units beside them (`各处室、单位`, one party as written).
 * A bare `科室` (`科室负责人`) is no party.
 */
const OFFICES =
  /^(?:(?:[局委厅院办]?机关|其他机关|其他)?(?:各|有关|相关|各有关|各相关|各业务)|[局委厅院办]?机关|(?:各|相关|有关)?(?:牵头|责任|配合|参与|协同|协办|主办|承办|会办)(?:责任)?)(?:处室|科室|股室)(?:、(?:单位|直属单位))?$/u;
/** Units under the body: `各直属单位`, `局属各单位`, `委属各单位`, `厅直各单位`, `直属各单位`, `各二级单位`. */
const OWN_UNITS = /^(?:各直属|[局委厅院办][属直]各?|直属各|各?二级)(?:单位|事业单位)$/u;

const SHI = '室'.charCodeAt(0);
const WEI = '位'.charCodeAt(0);

/** True for a department's own office or unit written as a collective (see above). */
export function isInternalUnit(name: string): boolean {
  const last = name.charCodeAt(name.length - 1);
  if (last === SHI) return OFFICES.test(name);
  if (last === WEI) return OWN_UNITS.test(name) || OFFICES.test(name);
  return false;
}
