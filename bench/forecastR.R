# Runs R's ets() and thetaf() for bench/forecast.ts on chosen series of a data file and writes
# their forecasts and elapsed seconds as JSON.
# Usage: Rscript bench/forecastR.R <data.json> <indices, 1-based, comma-separated> <out.json>
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
data <- fromJSON(args[1], simplifyVector = FALSE)
indices <- as.integer(strsplit(args[2], ",")[[1]])
run <- function(f) {
  started <- proc.time()[["elapsed"]]
  forecasts <- lapply(indices, function(i) {
    s <- data[[i]]
    x <- ts(unlist(s$train), frequency = s$period)
    as.numeric(f(x, s$horizon))
  })
  list(seconds = proc.time()[["elapsed"]] - started, forecasts = forecasts)
}
out <- list(
  version = as.character(packageVersion("forecast")),
  ets = run(function(x, h) forecast(ets(x), h = h)$mean),
  thetaf = run(function(x, h) thetaf(x, h = h)$mean)
)
write(toJSON(out, digits = NA, auto_unbox = TRUE), args[3])
