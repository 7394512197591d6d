# Reference values for the forecast engine's tests, from R's forecast package.
# Run from the repository root:  Rscript test/reference/forecastReference.R
# Writes test/reference/forecastReference.json (committed; the tests read that file, not R).
# Measured with R 4.2.2 and forecast 8.20 (Debian r-cran-forecast).
suppressMessages({ library(forecast); library(jsonlite) })

num <- function(x) as.numeric(x)
series <- list(AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, UKDriverDeaths = UKDriverDeaths,
               nottem = nottem, UKgas = UKgas)

fitted_model <- function(fit, h) {
  fc <- forecast(fit, h = h, level = c(80, 95))
  list(model = fit$method, par = as.list(fit$par), loglik = fit$loglik, aicc = fit$aicc, sigma2 = fit$sigma2,
       mean = num(fc$mean), lower95 = num(fc$lower[, 2]), upper95 = num(fc$upper[, 2]),
       lower80 = num(fc$lower[, 1]), upper80 = num(fc$upper[, 1]))
}

out <- list(versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))), series = list())
for (id in names(series)) {
  x <- series[[id]]
  m <- frequency(x)
  h <- 2 * m
  entry <- list(id = id, period = m, values = num(x), horizon = h)
  entry$ets_auto <- fitted_model(ets(x), h)
  models <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNM", "MAM", "MAdM")
  entry$ets_fixed <- lapply(models, function(code) {
    damped <- grepl("d", code)
    fit <- ets(x, model = sub("d", "", code), damped = damped)
    c(list(code = code), fitted_model(fit, h))
  })
  entry$ses <- num(ses(x, h = h)$mean)
  entry$holt <- num(holt(x, h = h)$mean)
  entry$holt_damped <- num(holt(x, h = h, damped = TRUE)$mean)
  entry$hw_additive <- num(hw(x, h = h, seasonal = "additive")$mean)
  entry$hw_multiplicative <- num(hw(x, h = h, seasonal = "multiplicative")$mean)
  th <- thetaf(x, h = h, level = 95)
  entry$thetaf <- list(mean = num(th$mean), lower95 = num(th$lower), upper95 = num(th$upper), alpha = num(th$model$par["alpha"]))
  out$series[[id]] <- entry
}

# Croston on short intermittent demand histories (hand-made, spare-parts like).
intermittent <- list(c(0, 2, 0, 0, 4, 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 2, 0, 5, 0, 0),
                     c(1, 0, 0, 0, 0, 6, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1, 0, 0, 4, 0))
out$croston <- lapply(intermittent, function(y) list(values = y,
  croston = num(croston(y, h = 6)$mean)))
write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "test/reference/forecastReference.json")
cat("wrote test/reference/forecastReference.json\n")
