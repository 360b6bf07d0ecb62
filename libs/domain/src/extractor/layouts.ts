import type { AnnotationOptions } from './annotation';
import { extractFieldRegion, findFieldRegions, headingPaths } from './fields';
import { extractGridTable, findGridTables } from './grid-tables';
import type { MeasureContext } from './make-measure';
import type { DocumentSpan } from './segment';
import { extractTableMeasures, findTableRegions } from './tables';
import type { PreparedText } from './text';

/**
 * The registry of layout handlers besides inline text. Each one detects its regions in a document (line
 * ranges it claims, so the inline handler skips them) and extracts their measures. Handlers never import
 * each other; they all build measures through make-measure.ts.
 */

export interface LayoutRegion {
  /** Line indices into PreparedText.lines, inclusive. */
  start: number;
  end: number;
}

export interface LayoutHandler<R extends LayoutRegion> {
  name: string;
  /** Regions of the document; `claimed` says which lines a handler earlier in the registry already took. */
  detect(prepared: PreparedText, span: DocumentSpan, claimed: (i: number) => boolean): R[];
  extract(
    ctx: MeasureContext,
    prepared: PreparedText,
    span: DocumentSpan,
    regions: R[],
    options: AnnotationOptions,
  ): void;
}

/** 分工表 with 牵头部门/负责单位/时间进度 columns rebuilt from one-cell-per-line text, and the six-column work plan. */
const distributionTables: LayoutHandler<ReturnType<typeof findTableRegions>[number]> = {
  name: 'table',
  detect: (prepared, span) => findTableRegions(prepared, span.bodyStart, span.end),
  extract: (ctx, prepared, _span, regions, options) => {
    for (const t of regions) extractTableMeasures(ctx, prepared, t, options);
  },
};

/** Labelled-field blocks: 行动内容： + numbered items, then 时间节点：/责任部门：; one measure per block. */
const labelledFields: LayoutHandler<ReturnType<typeof findFieldRegions>[number]> = {
  name: 'field',
  detect: (prepared, span) => findFieldRegions(prepared, span.bodyStart, span.end),
  extract: (ctx, prepared, span, regions, options) => {
    if (regions.length === 0) return;
    const paths = headingPaths(prepared.lines, span.bodyStart, span.end);
    for (const f of regions) extractFieldRegion(ctx, prepared, f, paths, options);
  },
};

/** Tables whose cells share a line (tab- or space-separated) under a header naming the columns. */
const gridTables: LayoutHandler<ReturnType<typeof findGridTables>[number]> = {
  name: 'grid',
  detect: (prepared, span, claimed) => findGridTables(prepared, span.bodyStart, span.end, claimed),
  extract: (ctx, prepared, _span, regions, options) => {
    for (const g of regions) extractGridTable(ctx, prepared, g, options);
  },
};

interface Detected {
  claimed: (i: number) => boolean;
  /** Extracts every detected region, in the registry's extraction order. */
  extract(ctx: MeasureContext, options: AnnotationOptions): void;
}

type Extractor = (ctx: MeasureContext, options: AnnotationOptions) => void;

/** Detection order: a handler earlier in this list claims a line first. */
const DETECTION_ORDER = ['table', 'field', 'grid'] as const;
/** Extraction order (fixes the order of measures in the output). */
const EXTRACTION_ORDER = ['table', 'grid', 'field'] as const;

type HandlerName = (typeof DETECTION_ORDER)[number];

function detectWith<R extends LayoutRegion>(
  handler: LayoutHandler<R>,
  prepared: PreparedText,
  span: DocumentSpan,
  claimed: (i: number) => boolean,
): { regions: R[]; extract: Extractor } {
  const regions = handler.detect(prepared, span, claimed);
  // A method, not an arrow: tsx's keepNames wraps every arrow in a defineProperty call, per document here.
  return {
    regions,
    extract(ctx, options) {
      handler.extract(ctx, prepared, span, regions, options);
    },
  };
}

export function detectLayouts(prepared: PreparedText, span: DocumentSpan): Detected {
  const taken: LayoutRegion[] = [];
  // Asked for every body line: an indexed loop (no iterator, no arrow made per call); most documents claim nothing.
  const claimed = (i: number): boolean => {
    for (let k = 0; k < taken.length; k++) {
      const r = taken[k];
      if (i >= r.start && i <= r.end) return true;
    }
    return false;
  };
  const extractors = new Map<HandlerName, Extractor>();
  const handlers = { table: distributionTables, field: labelledFields, grid: gridTables };
  for (const name of DETECTION_ORDER) {
    const detected =
      name === 'table'
        ? detectWith(handlers.table, prepared, span, claimed)
        : name === 'field'
          ? detectWith(handlers.field, prepared, span, claimed)
          : detectWith(handlers.grid, prepared, span, claimed);
    taken.push(...detected.regions);
    extractors.set(name, detected.extract);
  }
  return {
    claimed,
    extract(ctx, options) {
      for (const name of EXTRACTION_ORDER) extractors.get(name)?.(ctx, options);
    },
  };
}
