# R's auto.arima() on every series of the collections, for bench/arima.ts (not run by CI: about
# 20 minutes single-threaded here). Writes, per collection, the forecasts, the 95% bounds and the
# elapsed seconds as JSON into the output folder (default: the system's temporary folder).
# Usage: Rscript bench/arimaR.R <dataDir> [outDir] [collection,collection]
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
dataDir <- if (length(args) >= 1) args[1] else "../shared/data"
outDir <- if (length(args) >= 2) args[2] else tempdir()
names <- if (length(args) >= 3) strsplit(args[3], ",")[[1]] else
  c("m1_quarterly", "tourism_quarterly", "m1_monthly", "tourism_monthly", "carparts")
for (name in names) {
  data <- fromJSON(file.path(dataDir, paste0(name, ".json")), simplifyVector = FALSE)
  started <- proc.time()[["elapsed"]]
  results <- lapply(data, function(s) {
    x <- ts(unlist(s$train), frequency = s$period)
    fc <- forecast(auto.arima(x), h = s$horizon, level = 95)
    list(model = arimaorder(fc$model), mean = as.numeric(fc$mean), lower = as.numeric(fc$lower),
         upper = as.numeric(fc$upper))
  })
  seconds <- proc.time()[["elapsed"]] - started
  out <- list(version = as.character(packageVersion("forecast")), collection = name, seconds = seconds,
              series = length(data), results = results)
  write(toJSON(out, digits = NA, auto_unbox = TRUE), file.path(outDir, paste0("arimaR-", name, ".json")))
  cat(sprintf("%s: %d series, %.1f s\n", name, length(data), seconds))
}
