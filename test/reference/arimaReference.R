# Reference values for the ARIMA member (src/engine/forecast/arima/), from R's stats::arima and
# forecast::auto.arima. Run from the repository root:
#   Rscript test/reference/arimaReference.R ../shared/data
# Writes test/reference/arimaReference.json (committed; the tests need no R). Measured with
# R 4.2.2 and forecast 8.20 (Debian r-cran-forecast). The collection series stay in the data
# folder; this file keeps only their ids, indexes and R's results.
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
dataDir <- if (length(args) >= 1) args[1] else "../shared/data"
num <- function(x) as.numeric(x)

# One fitted model: orders, coefficients, log-likelihood, AICc, sigma2 and forecasts with bounds.
describe <- function(fit, h) {
  fc <- forecast(fit, h = h, level = c(80, 95))
  a <- fit$arma # p, q, P, Q, m, d, D
  list(order = c(a[1], a[6], a[2], a[3], a[7], a[4]), period = a[5],
       constant = any(names(fit$coef) %in% c("intercept", "drift")),
       coef = as.list(fit$coef), loglik = fit$loglik, aicc = fit$aicc, sigma2 = fit$sigma2,
       mean = num(fc$mean), lower80 = num(fc$lower[, 1]), upper80 = num(fc$upper[, 1]),
       lower95 = num(fc$lower[, 2]), upper95 = num(fc$upper[, 2]))
}

# Fixed orders fitted with Arima(method = "CSS-ML") (stats::arima underneath, as auto.arima).
fixed <- list(
  list(id = "Nile", order = c(1, 0, 1), seasonal = c(0, 0, 0), constant = TRUE),
  list(id = "Nile", order = c(0, 1, 1), seasonal = c(0, 0, 0), constant = FALSE),
  list(id = "WWWusage", order = c(1, 1, 1), seasonal = c(0, 0, 0), constant = FALSE),
  list(id = "WWWusage", order = c(3, 1, 0), seasonal = c(0, 0, 0), constant = TRUE),
  list(id = "lh", order = c(2, 0, 0), seasonal = c(0, 0, 0), constant = TRUE),
  list(id = "LakeHuron", order = c(2, 0, 1), seasonal = c(0, 0, 0), constant = TRUE),
  list(id = "AirPassengers", order = c(0, 1, 1), seasonal = c(0, 1, 1), constant = FALSE),
  list(id = "AirPassengers", order = c(2, 1, 1), seasonal = c(0, 1, 0), constant = FALSE),
  list(id = "USAccDeaths", order = c(0, 1, 1), seasonal = c(0, 1, 1), constant = FALSE),
  list(id = "UKgas", order = c(1, 0, 0), seasonal = c(1, 1, 0), constant = TRUE),
  list(id = "nottem", order = c(1, 0, 0), seasonal = c(2, 0, 0), constant = TRUE),
  list(id = "UKDriverDeaths", order = c(1, 0, 1), seasonal = c(0, 1, 1), constant = TRUE)
)
classic <- list(AirPassengers = AirPassengers, USAccDeaths = USAccDeaths, UKDriverDeaths = UKDriverDeaths,
                nottem = nottem, UKgas = UKgas, Nile = Nile, WWWusage = WWWusage, lh = lh,
                LakeHuron = LakeHuron, ldeaths = ldeaths)
horizonOf <- function(x) if (frequency(x) > 1) 2 * frequency(x) else 10

out <- list(versions = list(R = R.version.string, forecast = as.character(packageVersion("forecast"))),
            series = list(), fixed = list(), collections = list())
for (id in names(classic)) {
  x <- classic[[id]]
  out$series[[id]] <- list(id = id, period = frequency(x), values = num(x), horizon = horizonOf(x))
}
out$fixed <- lapply(fixed, function(f) {
  x <- classic[[f$id]]
  fit <- Arima(x, order = f$order, seasonal = f$seasonal, include.constant = f$constant, method = "CSS-ML")
  c(list(id = f$id), describe(fit, horizonOf(x)))
})

# auto.arima with its defaults, and what its differencing tests decide.
auto_entry <- function(x, h) {
  fit <- auto.arima(x)
  m <- frequency(x)
  D <- if (m > 1 && length(x) > 2 * m) nsdiffs(x) else 0
  dx <- if (D > 0) diff(x, lag = m) else x
  strength <- if (m > 1 && length(x) > 2 * m) forecast:::seas.heuristic(x) else NA
  c(describe(fit, h), list(ndiffs = ndiffs(dx), nsdiffs = D, seasonalStrength = strength))
}
out$auto <- lapply(names(classic), function(id) c(list(id = id), auto_entry(classic[[id]], horizonOf(classic[[id]]))))

# The same sample of the collections as the ETS references: the series collectionReference.json lists.
sample <- fromJSON("test/reference/collectionReference.json", simplifyVector = FALSE)
out$every <- sample$every
for (name in names(sample$collections)) {
  data <- fromJSON(file.path(dataDir, paste0(name, ".json")), simplifyVector = FALSE)
  out$collections[[name]] <- lapply(sample$collections[[name]], function(entry) {
    s <- data[[entry$index]]
    c(list(id = s$id, index = entry$index), auto_entry(ts(unlist(s$train), frequency = s$period), s$horizon))
  })
}
write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "test/reference/arimaReference.json")
cat("wrote test/reference/arimaReference.json\n")
