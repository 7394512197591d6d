/**
 * The measure step (step 6): did the plan work? Forecast accuracy and value added of an
 * earlier cycle's forecast against actuals, production plan adherence, and delivery
 * performance (OTD, OTIF).
 */
export * from "./planAdherence";
export * from "./deliveryPerformance";
export * from "./forecastAccuracy";
export * from "./heldOut";
export * from "./accuracyByLag";
export * from "./reasonCodes";
export * from "./valueAdded";
