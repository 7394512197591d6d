/**
 * Forecast accuracy metrics over (actual, forecast) pairs, period by period. Percent metrics
 * (MAPE, sMAPE) are in percent; WMAPE and bias are fractions, as the KPI definitions say.
 */
export { mae, rmse, bias, meanError } from "./scaleDependent";
export { mape, wmape, smape } from "./percentage";
export { mase } from "./mase";
export { trackingSignal } from "./trackingSignal";
export { forecastValueAdded } from "./forecastValueAdded";
