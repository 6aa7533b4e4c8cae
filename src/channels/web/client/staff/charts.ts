/// <reference lib="dom" />
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use, type ComposeOption, type ECharts } from "echarts/core";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { el } from "./ui.js";

/**
 * Apache ECharts, bundled into staff.js (no CDN), with only the parts these charts use. The SVG
 * renderer sets styles through the DOM's style objects, which the page's CSP (`style-src 'self'`,
 * no 'unsafe-inline') allows; it injects no <style> element in the browser. Animation is off: the
 * numbers matter, not the motion, and people who asked for reduced motion get none.
 */
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Colours with at least 4.5:1 against white, told apart by more than hue where it matters (legend, table). */
export const COLORS = {
  blue: "#0b57a4",
  green: "#1d6b34",
  amber: "#8a5300",
  grey: "#59636e",
  purple: "#6a3d9a",
  teal: "#00676b",
} as const;

const FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, sans-serif';
const INK = "#1b1f24";
const MUTED = "#4a5562";

/** The options every chart shares: the page's font and colours, room for the axes, a tooltip on hover. */
export function baseOption(): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: INK, fontSize: 13 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, textStyle: { color: INK }, itemGap: 16 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, textStyle: { fontFamily: FONT } },
  };
}

export const axisText = { color: MUTED, fontFamily: FONT };

/** Draws charts into their boxes once the boxes are on the page, redraws them on resize, disposes of them when the view goes. */
export class ChartSet {
  private readonly pending: { box: HTMLElement; option: ChartOption }[] = [];
  private readonly drawn: ECharts[] = [];
  private readonly onResize = () => this.drawn.forEach((chart) => chart.resize());

  /**
   * A box for a chart. It is an image to assistive technology, named by `label`; the table of its
   * numbers follows it on the page.
   */
  box(label: string, option: ChartOption, height: number): HTMLElement {
    const box = el("div", { className: "chart", attrs: { role: "img", "aria-label": label } });
    // Through the style object, which CSP allows (a style attribute in markup it would not).
    box.style.height = `${height}px`;
    this.pending.push({ box, option });
    return box;
  }

  draw(): void {
    for (const { box, option } of this.pending.splice(0)) {
      const chart = init(box, null, { renderer: "svg" });
      chart.setOption(option);
      this.drawn.push(chart);
    }
    window.addEventListener("resize", this.onResize);
  }

  dispose(): void {
    window.removeEventListener("resize", this.onResize);
    for (const chart of this.drawn.splice(0)) chart.dispose();
  }
}
