/**
 * The Metrics page's styles. Team colours are the Okabe-Ito palette (told apart with the common
 * colour-vision deficiencies), and every colour also has its words: the legend and the tables.
 */
import { css } from 'lit';

export const metricsStyles = css`
  :host {
    display: block;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin: 1rem 0;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 0.5rem 1.5rem;
    margin: 1rem 0;
  }
  .summary div {
    border-inline-start: 3px solid var(--accent);
    padding-inline-start: 0.6rem;
  }
  .summary dt {
    font-size: 0.85rem;
    color: var(--muted);
  }
  .summary dd {
    margin: 0;
    font-weight: 600;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr));
    gap: 1.5rem;
  }
  figure.chart {
    margin: 0;
    min-width: 0;
  }
  figure.chart svg {
    display: block;
    width: 100%;
    height: auto;
  }
  .grid {
    stroke: #d0d7de;
  }
  .axis {
    font-size: 11px;
    fill: #59636e;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    padding: 0;
    margin: 0.25rem 0;
    font-size: 0.85rem;
  }
  .swatch {
    display: inline-block;
    width: 0.8rem;
    height: 0.8rem;
    margin-inline-end: 0.35rem;
    vertical-align: -0.1rem;
    border-radius: 2px;
  }
  rect.c0,
  .swatch.c0 {
    fill: #0072b2;
    background: #0072b2;
  }
  rect.c1,
  .swatch.c1 {
    fill: #e69f00;
    background: #e69f00;
  }
  rect.c2,
  .swatch.c2 {
    fill: #009e73;
    background: #009e73;
  }
  rect.c3,
  .swatch.c3 {
    fill: #cc79a7;
    background: #cc79a7;
  }
  rect.c4,
  .swatch.c4 {
    fill: #56b4e9;
    background: #56b4e9;
  }
  rect.c5,
  .swatch.c5 {
    fill: #d55e00;
    background: #d55e00;
  }
  rect.respond,
  .swatch.respond {
    fill: #0072b2;
    background: #0072b2;
  }
  rect.resolve,
  .swatch.resolve {
    fill: #009e73;
    background: #009e73;
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .table-scroll:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.25rem 0;
  }
  .reasons {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem 2rem;
  }
  table.counts td {
    text-align: end;
  }
  .since {
    display: block;
  }
  tr.above {
    background: #fff4e5;
  }
  .flag {
    color: #8a3b00;
  }
  .flag::before {
    content: '▲ ';
  }
  summary {
    cursor: pointer;
    color: var(--accent);
    font-weight: 600;
  }
  summary:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
`;
