// Notebook 02's answers; the runner puts this file in place of the answer cell when given --solutions.
var linear16Recipe = Recipes.LinearAutoencoder with { Architecture = () => new LinearAutoencoder(16), Epochs = linearEpochs };
var linear16 = linear16Recipe.Build();
AutoencoderTraining.LoadOrTrain(linear16, linear16Recipe, mnist);
var pca16 = Pca.Fit(mnist.TrainImages, k: 16);
double? ratio16 = Reconstruction.Mse(x => linear16.call(x), mnist.Test(1000)) / Reconstruction.Mse(x => pca16.Reconstruct(x), mnist.Test(1000));
var deep16Recipe = Recipes.DeepAutoencoder with { Architecture = () => new DeepAutoencoder(16), Epochs = epochs };
var deep16 = deep16Recipe.Build();
AutoencoderTraining.LoadOrTrain(deep16, deep16Recipe, mnist);
double? halfCodeRatio = Reconstruction.Mse(x => deep16.call(x), mnist.Test(1000)) / mse[1];
