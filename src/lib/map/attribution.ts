/**
 * The boundary attribution line shown wherever the map or its data is shown or exported: read from the
 * installed boundaries (static/geo/ATTRIBUTION.txt, written by the geo install), with a fallback that
 * says the same when the file is absent at build time.
 */
const FALLBACK =
  'Boundaries: geoBoundaries (www.geoboundaries.org), Indonesia ADM2 IDN-ADM2-22746128, from BPS – Statistics Indonesia, WFP and OCHA ROAP via HDX, CC BY 3.0 IGO; modified (regrouped into 38 provinces, repaired, simplified). Codes and names: idn-area-data (ODbL 1.0).';
const files = import.meta.glob('/static/geo/ATTRIBUTION.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const BOUNDARY_ATTRIBUTION: string = (Object.values(files)[0] ?? FALLBACK).trim();

/**
 * The same attribution in one line, for a screen with no room for the full one (the district story on
 * a projector, src/lib/components/Story/projector.css); print and the dashboard show the full line.
 */
export const BOUNDARY_ATTRIBUTION_SHORT =
  'Boundaries: geoBoundaries (BPS, WFP, OCHA ROAP via HDX), CC BY 3.0 IGO, modified · codes and names: idn-area-data, ODbL 1.0';
