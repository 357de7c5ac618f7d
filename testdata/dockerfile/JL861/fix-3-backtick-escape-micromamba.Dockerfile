# escape=`
FROM mambaorg/micromamba:1.5.8
RUN micromamba install -y -n base -c conda-forge `
        numpy `
        pandas
USER 1000
