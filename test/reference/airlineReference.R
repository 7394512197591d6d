# Reference values for the airline member (src/engine/forecast/arima/airline.ts): R's
# forecast::Arima(x, order = c(0,1,1), seasonal = c(0,1,1), method = "CSS", lambda = 0) for
# positive series (no lambda otherwise), forecasts with 80% and 95% bounds. Run from the
# repository root:
#   Rscript test/reference/airlineReference.R
# Writes test/reference/airlineReference.json (committed; the tests need no R). Measured with
# R 4.2.2 and forecast 8.20 (Debian r-cran-forecast). The series are R's own `datasets`.
suppressMessages({ library(forecast); library(jsonlite) })
num <- function(x) as.numeric(x)

# ldeaths: R's CSS estimate of ma1 is -1.01, not invertible (R warns and forecasts anyway);
# nottemCentred has values below zero, so the member fits the values, not their logarithms.
classic <- list(AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, UKDriverDeaths = UKDriverDeaths,
                ldeaths = ldeaths, nottem = nottem, UKgas = UKgas, JohnsonJohnson = JohnsonJohnson,
                co2 = co2, nottemCentred = nottem - 50)
out <- list(versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))),
            series = list())
for (id in names(classic)) {
  x <- classic[[id]]
  positive <- all(x > 0)
  h <- 2 * frequency(x)
  fit <- Arima(x, order = c(0, 1, 1), seasonal = c(0, 1, 1), method = "CSS",
               lambda = if (positive) 0 else NULL)
  fc <- forecast(fit, h = h, level = c(80, 95))
  out$series[[id]] <- list(id = id, period = frequency(x), values = num(x), horizon = h, logScale = positive,
                           ma1 = num(fit$coef["ma1"]), sma1 = num(fit$coef["sma1"]), sigma2 = fit$sigma2,
                           loglik = fit$loglik, mean = num(fc$mean),
                           lower80 = num(fc$lower[, 1]), upper80 = num(fc$upper[, 1]),
                           lower95 = num(fc$lower[, 2]), upper95 = num(fc$upper[, 2]))
}
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "test/reference/airlineReference.json")
